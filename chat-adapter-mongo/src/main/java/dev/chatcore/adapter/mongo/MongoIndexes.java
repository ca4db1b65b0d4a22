package dev.chatcore.adapter.mongo;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Map;

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

  /** Indexes per collection (the {@code _id} index exists anyway). */
  static final Map<String, List<IndexModel>> INDEXES = Map.of(
      EVENTS, List.of(
          // readAfter, roomHead: a room's events by position
          new IndexModel(Indexes.ascending("room", "_id"), new IndexOptions().name("room_position")),
          // readMessages, countMessagesAfter: a room's messages by position
          new IndexModel(Indexes.ascending("room", "msg", "_id"), new IndexOptions().name("room_messages")),
          // txn_id idempotency across nodes: one event per (sender, txn_id)
          new IndexModel(Indexes.ascending("txnKey"),
              new IndexOptions().name("sender_txn").unique(true).sparse(true))),
      ROOMS, List.of(
          // listByType: live rooms of a type, oldest first; listDeletedAfter
          new IndexModel(Indexes.ascending("type", "createdAt", "_id"), new IndexOptions().name("type_created")),
          new IndexModel(Indexes.ascending("type", "deletedAt"), new IndexOptions().name("type_deleted"))),
      MEMBERSHIPS, List.of(
          // ofAccount
          new IndexModel(Indexes.ascending("account"), new IndexOptions().name("account")),
          // inState (paged by account), count, deleteRoom (prefix)
          new IndexModel(Indexes.ascending("room", "state", "account"), new IndexOptions().name("room_state_account"))),
      ACCOUNTS, List.of(
          // anyAdmin
          new IndexModel(Indexes.ascending("admin"), new IndexOptions().name("admin"))),
      INVITES, List.of(
          // list, newest first
          new IndexModel(Indexes.descending("createdAt"), new IndexOptions().name("created_desc"))),
      COUNTERS, List.of());

  private static final int NAMESPACE_EXISTS = 48;

  private MongoIndexes() {}

  /**
   * Creates every collection and index that is missing.
   *
   * @throws dev.chatcore.domain.error.UnavailableException when the store does not answer
   */
  public static void ensure(MongoDatabase db) {
    MongoErrors.run("create indexes", () -> {
      for (Map.Entry<String, List<IndexModel>> entry : INDEXES.entrySet()) {
        if (entry.getValue().isEmpty()) {
          // create the collection up front: collections made implicitly by concurrent first writes
          // are a known weak spot of some MongoDB-compatible servers
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
