package dev.chatcore.adapter.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Every collection and index of the chat, created at start. Idempotent: creating an index that
 * exists with the same keys and options does nothing, so every node runs this at every start.
 * {@code docs/operations.md} lists each index with the query it serves.
 */
public final class MongoIndexes {
  static final String EVENTS = "events";
  static final String COUNTERS = "counters";
  static final String ROOMS = "rooms";
  static final String MEMBERSHIPS = "memberships";
  static final String ACCOUNTS = "accounts";
  static final String INVITES = "invites";
  static final String MEMBER_COUNTS = "member_counts";
  static final String BANS = "bans";
  static final String OFFENCES = "offences";
  static final String BAN_HISTORY = "ban_history";
  static final String REACTIONS = "reactions";
  static final String RECEIPTS = "receipts";
  static final String GLOBAL_ROOMS = "global_rooms";
  static final String GLOBAL_SEATS = "global_seats";
  static final String DM_ROOMS = "dm_rooms";
  static final String ACTIVITY = "activity";
  static final String PREFERENCES = "preferences";
  static final String REPORTS = "reports";
  static final String ANNOUNCEMENTS = "announcements";
  static final String HACKED_MESSAGES = "hacked_messages";
  static final String STREAM_TICKETS = "stream_tickets";
  static final String DEVICES = "devices";
  static final String DEVICE_CHANGES = "device_changes";
  static final String ONE_TIME_KEYS = "one_time_keys";
  static final String FALLBACK_KEYS = "fallback_keys";
  static final String TO_DEVICE = "to_device";

  /** Expired events that no purge reached are deleted by the server this long after expiry. */
  static final long EXPIRED_EVENT_TTL_SECONDS = 60;

  /** Indexes per collection (the {@code _id} index exists anyway). */
  static final Map<String, List<IndexModel>> INDEXES =
      Map.ofEntries(
          Map.entry(
              EVENTS,
              List.of(
                  // readAfter, roomHead: a room's events by position
                  new IndexModel(
                      Indexes.ascending("room", "_id"), new IndexOptions().name("room_position")),
                  // readMessages, countMessagesAfter: a room's messages by position
                  new IndexModel(
                      Indexes.ascending("room", "msg", "_id"),
                      new IndexOptions().name("room_messages")),
                  // txn_id idempotency across nodes: one event per (sender, txn_id)
                  new IndexModel(
                      Indexes.ascending("txnKey"),
                      new IndexOptions().name("sender_txn").unique(true).sparse(true)),
                  // readMessagesSince: a room's messages by time
                  new IndexModel(
                      Indexes.ascending("room", "msg", "ts", "_id"),
                      new IndexOptions().name("room_messages_ts")),
                  // readMessagesSince: a room's messages edited since (only edited ones carry
                  // updatedAt)
                  new IndexModel(
                      Indexes.ascending("room", "msg", "updatedAt"),
                      new IndexOptions().name("room_messages_updated").sparse(true)),
                  // findMessages, countMessages by sender (admin listing and search of an account's
                  // messages)
                  new IndexModel(
                      Indexes.ascending("sender", "msg", "_id"),
                      new IndexOptions().name("sender_messages")),
                  // purgeExpired, and the server's own deletion of expired events nobody purged
                  new IndexModel(
                      Indexes.ascending("expiresAt"),
                      new IndexOptions()
                          .name("expires_ttl")
                          .expireAfter(EXPIRED_EVENT_TTL_SECONDS, TimeUnit.SECONDS)))),
          Map.entry(
              ROOMS,
              List.of(
                  // listByType: live rooms of a type, oldest first; listDeletedAfter
                  new IndexModel(
                      Indexes.ascending("type", "createdAt", "_id"),
                      new IndexOptions().name("type_created")),
                  new IndexModel(
                      Indexes.ascending("type", "deletedAt"),
                      new IndexOptions().name("type_deleted")))),
          Map.entry(
              MEMBERSHIPS,
              List.of(
                  // ofAccount
                  new IndexModel(Indexes.ascending("account"), new IndexOptions().name("account")),
                  // inState (paged by account), count, deleteRoom (prefix)
                  new IndexModel(
                      Indexes.ascending("room", "state", "account"),
                      new IndexOptions().name("room_state_account")))),
          Map.entry(
              ACCOUNTS,
              List.of(
                  // anyAdmin
                  new IndexModel(Indexes.ascending("admin"), new IndexOptions().name("admin")))),
          Map.entry(
              INVITES,
              List.of(
                  // list, newest first
                  new IndexModel(
                      Indexes.descending("createdAt"), new IndexOptions().name("created_desc")))),
          Map.entry(COUNTERS, List.of()),
          // joinIfBelow's counters and the offence records: by _id only
          Map.entry(MEMBER_COUNTS, List.of()),
          Map.entry(OFFENCES, List.of()),
          Map.entry(
              BANS,
              List.of(
                  // by _id (account), listed by _id; purgeExpired: bans that ended (permanent ones
                  // have no until)
                  new IndexModel(
                      Indexes.ascending("until"), new IndexOptions().name("until").sparse(true)))),
          Map.entry(
              BAN_HISTORY,
              List.of(
                  // history: one account's bans, newest first
                  new IndexModel(
                      Indexes.compoundIndex(
                          Indexes.ascending("account"), Indexes.descending("createdOn", "_id")),
                      new IndexOptions().name("account_created_desc")))),
          Map.entry(
              REACTIONS,
              List.of(
                  // aggregates (a page of messages of one room), deleteRoom (prefix)
                  new IndexModel(
                      Indexes.ascending("room", "message"),
                      new IndexOptions().name("room_message")))),
          Map.entry(
              RECEIPTS,
              List.of(
                  // positions (a room's receipts at or after a position), deleteRoom (prefix)
                  new IndexModel(
                      Indexes.ascending("room", "pos"), new IndexOptions().name("room_pos")))),
          Map.entry(
              GLOBAL_ROOMS,
              List.of(
                  // unique room numbers; the highest number
                  new IndexModel(
                      Indexes.ascending("number"), new IndexOptions().name("number").unique(true)),
                  // place: open rooms, fullest first then lowest number (this index scanned
                  // backwards); countOpen
                  new IndexModel(
                      Indexes.compoundIndex(
                          Indexes.ascending("members"), Indexes.descending("number")),
                      new IndexOptions().name("members_number")))),
          Map.entry(
              GLOBAL_SEATS,
              List.of(
                  // members: a room's seats by account
                  new IndexModel(
                      Indexes.ascending("room", "_id"), new IndexOptions().name("room_account")))),
          Map.entry(
              DM_ROOMS,
              List.of(
                  // release: the key a room holds (at most one)
                  new IndexModel(
                      Indexes.ascending("room"), new IndexOptions().name("room").unique(true)))),
          Map.entry(
              ACTIVITY,
              List.of(
                  // idleSince: least recently active first
                  new IndexModel(
                      Indexes.ascending("at", "_id"), new IndexOptions().name("at_account")))),
          // preferences: by _id (account)
          Map.entry(PREFERENCES, List.of()),
          Map.entry(
              REPORTS,
              List.of(
                  // find(id)
                  new IndexModel(
                      Indexes.ascending("id"), new IndexOptions().name("report_id").unique(true)),
                  // list, the admin order: New first, then most reported, then newest
                  new IndexModel(
                      Indexes.compoundIndex(
                          Indexes.descending("rank", "reportedCount", "createdAt"),
                          Indexes.ascending("id")),
                      new IndexOptions().name("admin_order")),
                  // list(account): the three branches of its $or
                  new IndexModel(
                      Indexes.ascending("firstReporter"),
                      new IndexOptions().name("first_reporter")),
                  new IndexModel(
                      Indexes.ascending("reporterIds"), new IndexOptions().name("reporter_ids")),
                  new IndexModel(
                      Indexes.ascending("log.author"), new IndexOptions().name("log_author")),
                  // purge: reports of a status older than the cutoff
                  new IndexModel(
                      Indexes.ascending("status", "createdAt"),
                      new IndexOptions().name("status_created")))),
          Map.entry(
              ANNOUNCEMENTS,
              List.of(
                  // active: not yet expired; purgeExpired: expired
                  new IndexModel(
                      Indexes.ascending("expiresAt"), new IndexOptions().name("expires_at")))),
          Map.entry(
              STREAM_TICKETS,
              List.of(
                  // purgeExpired; and the server's own deletion of tickets nobody used or purged
                  new IndexModel(
                      Indexes.ascending("expiresAt"),
                      new IndexOptions().name("expires_ttl").expireAfter(0L, TimeUnit.SECONDS)))),
          Map.entry(
              HACKED_MESSAGES,
              List.of(
                  // list newest first, purgeBefore
                  new IndexModel(
                      Indexes.descending("createdAt", "_id"),
                      new IndexOptions().name("created_desc")),
                  // list and count filtered by room or sender, newest first
                  new IndexModel(
                      Indexes.compoundIndex(
                          Indexes.ascending("room"), Indexes.descending("createdAt", "_id")),
                      new IndexOptions().name("room_created")),
                  new IndexModel(
                      Indexes.compoundIndex(
                          Indexes.ascending("sender"), Indexes.descending("createdAt", "_id")),
                      new IndexOptions().name("sender_created")))),
          Map.entry(
              DEVICES,
              List.of(
                  // ofAccount: an account's devices by id
                  new IndexModel(
                      Indexes.ascending("account", "device"),
                      new IndexOptions().name("account_device")))),
          // changedBetween: by _id (the position)
          Map.entry(DEVICE_CHANGES, List.of()),
          Map.entry(
              ONE_TIME_KEYS,
              List.of(
                  // claim (findOneAndDelete), counts, deleteDevice
                  new IndexModel(
                      Indexes.ascending("device", "algorithm"),
                      new IndexOptions().name("device_algorithm")))),
          Map.entry(
              FALLBACK_KEYS,
              List.of(
                  // unusedFallbackAlgorithms, deleteDevice (claim goes by _id)
                  new IndexModel(Indexes.ascending("device"), new IndexOptions().name("device")))),
          Map.entry(
              TO_DEVICE,
              List.of(
                  // read and acknowledge: a device's pending messages by position (multikey on
                  // pending)
                  new IndexModel(
                      Indexes.ascending("pending", "position"),
                      new IndexOptions().name("pending_position")),
                  // purgeExpired, and the server's own deletion of sends nobody purged
                  new IndexModel(
                      Indexes.ascending("expiresAt"),
                      new IndexOptions().name("expires_ttl").expireAfter(0L, TimeUnit.SECONDS)))));

  private static final int NAMESPACE_EXISTS = 48;

  private MongoIndexes() {}

  /**
   * Creates every collection and index that is missing.
   *
   * @throws dev.chatcore.domain.error.UnavailableException when the store does not answer
   */
  public static void ensure(MongoDatabase db) {
    MongoErrors.run(
        "create indexes",
        () -> {
          for (Map.Entry<String, List<IndexModel>> entry : INDEXES.entrySet()) {
            if (entry.getValue().isEmpty()) {
              // create the collection up front: collections made implicitly by concurrent first
              // writes are a known weak spot of some MongoDB-compatible servers
              if (!collectionExists(db, entry.getKey())) createCollection(db, entry.getKey());
            } else {
              db.getCollection(entry.getKey()).createIndexes(entry.getValue());
            }
          }
        });
  }

  private static void createCollection(MongoDatabase db, String name) {
    try {
      db.createCollection(name);
    } catch (com.mongodb.MongoCommandException e) {
      if (e.getErrorCode() != NAMESPACE_EXISTS) throw e; // another node created it just now
    }
  }

  private static boolean collectionExists(MongoDatabase db, String name) {
    for (String existing : db.listCollectionNames()) {
      if (existing.equals(name)) return true;
    }
    return false;
  }
}
