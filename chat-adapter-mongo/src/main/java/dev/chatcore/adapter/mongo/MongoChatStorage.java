package dev.chatcore.adapter.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Every port on MongoDB: the durable store, shared by any number of server nodes. Owns its {@link
 * MongoClient} when made by {@link #connect}. Creates the indexes at start ({@link MongoIndexes});
 * writes use majority write concern and retryable writes; every operation gives up after the
 * configured timeout with {@link dev.chatcore.domain.error.UnavailableException}.
 */
public final class MongoChatStorage {
  private static final Logger LOG = Logger.getLogger(MongoChatStorage.class.getName());

  /**
   * How long the readiness probe waits for MongoDB: a load balancer should stop sending traffic
   * about a second after the store went away, not after the (longer) timeout of ordinary
   * operations.
   */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(1);

  private MongoChatStorage() {}

  private static ChatStorage build(
      MongoClient client, MongoDatabase db, MongoOptions options, Clock clock) {
    // the driver's per-operation timeout (timeoutMS) caps server selection too, for the probe only
    long probeMs = Math.min(READY_TIMEOUT.toMillis(), options.timeout().toMillis());
    MongoDatabase probe = db.withTimeout(probeMs, TimeUnit.MILLISECONDS);
    MongoIndexes.ensure(db);
    MongoEventLog events = new MongoEventLog(db, options.gapGrace(), clock);
    MongoEventFeed feed =
        new MongoEventFeed(
            events,
            db.getCollection(MongoIndexes.EVENTS),
            options.syncDelivery(),
            options.pollInterval());
    LOG.info(
        "MongoDB storage on database "
            + db.getName()
            + "; sync delivery across nodes: "
            + feed.delivery());
    return ChatStorage.builder()
        .accounts(new MongoAccountRepository(db))
        .rooms(new MongoRoomRepository(db))
        .memberships(new MongoMembershipRepository(db))
        .events(events)
        .invites(new MongoInviteRepository(db))
        .bans(new MongoBanRepository(db))
        .reactions(new MongoReactionRepository(db))
        .receipts(new MongoReceiptRepository(db))
        .globalRooms(new MongoGlobalRoomRepository(db))
        .dmRooms(new MongoDmRoomRepository(db))
        .activity(new MongoActivityRepository(db))
        .preferences(new MongoPreferencesRepository(db))
        .reports(new MongoReportRepository(db))
        .announcements(new MongoAnnouncementRepository(db))
        .hackedMessages(new MongoHackedMessageRepository(db))
        .streamTickets(new MongoStreamTicketRepository(db))
        .devices(new MongoDeviceRepository(db))
        .oneTimeKeys(new MongoOneTimeKeyRepository(db))
        .toDeviceInbox(new MongoToDeviceInbox(db))
        .feed(feed)
        .lifecycle(
            new ChatStorage.Lifecycle() {
              @Override
              public void checkReady() {
                MongoErrors.run("ping", () -> probe.runCommand(new Document("ping", 1)));
              }

              @Override
              public String kind() {
                return "mongodb";
              }

              /** Stops the feed, then closes the client. Idempotent. */
              @Override
              public void close() {
                feed.close();
                client.close();
              }
            })
        .build();
  }

  /**
   * Connects, creates missing indexes and decides the sync delivery.
   *
   * @throws dev.chatcore.domain.error.UnavailableException when MongoDB does not answer within the
   *     timeout, or (with {@code CHANGE_STREAMS}) has no change streams
   */
  public static ChatStorage connect(MongoOptions options) {
    return connect(options, Clock.systemUTC());
  }

  /**
   * {@link #connect(MongoOptions)} with the clock by which expiring events (typing notices) lapse
   * in reads.
   */
  public static ChatStorage connect(MongoOptions options, Clock clock) {
    MongoClient client = MongoClients.create(clientSettings(options));
    try {
      return build(client, client.getDatabase(options.database()), options, clock);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
  }

  /**
   * The client settings the adapter relies on: majority writes with retryable writes, majority
   * reads where it matters, and every timeout set to {@code options.timeout()}, so that a stopped
   * MongoDB fails requests instead of hanging them. Settings in the URI are kept except these.
   */
  public static MongoClientSettings clientSettings(MongoOptions options) {
    long ms = options.timeout().toMillis();
    return MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(options.uri()))
        .applicationName("chat-core")
        .retryWrites(true)
        .retryReads(true)
        .writeConcern(WriteConcern.MAJORITY.withWTimeout(ms, TimeUnit.MILLISECONDS))
        .readConcern(ReadConcern.DEFAULT)
        .applyToClusterSettings(b -> b.serverSelectionTimeout(ms, TimeUnit.MILLISECONDS))
        .applyToSocketSettings(
            b ->
                b.connectTimeout((int) ms, TimeUnit.MILLISECONDS)
                    .readTimeout((int) ms, TimeUnit.MILLISECONDS))
        .applyToConnectionPoolSettings(b -> b.maxWaitTime(ms, TimeUnit.MILLISECONDS))
        .build();
  }
}
