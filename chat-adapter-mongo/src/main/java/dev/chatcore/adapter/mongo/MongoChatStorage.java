package dev.chatcore.adapter.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.ReadConcern;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.ActivityRepository;
import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.HackedMessageRepository;
import dev.chatcore.domain.port.PreferencesRepository;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.port.ReportRepository;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.port.EventFeed;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.InviteRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.port.ToDeviceInbox;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.bson.Document;

/**
 * Every port on MongoDB: the durable store, shared by any number of server nodes. Owns its
 * {@link MongoClient} when made by {@link #connect}. Creates the indexes at start
 * ({@link MongoIndexes}); writes use majority write concern and retryable writes; every
 * operation gives up after the configured timeout with
 * {@link dev.chatcore.domain.error.UnavailableException}.
 */
public final class MongoChatStorage implements ChatStorage {
  private static final Logger LOG = Logger.getLogger(MongoChatStorage.class.getName());
  /**
   * How long the readiness probe waits for MongoDB: a load balancer should stop sending traffic
   * about a second after the store went away, not after the (longer) timeout of ordinary operations.
   */
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(1);

  private final MongoClient client;
  private final MongoDatabase probe;
  private final AccountRepository accounts;
  private final RoomRepository rooms;
  private final MembershipRepository memberships;
  private final MongoEventLog events;
  private final InviteRepository invites;
  private final MongoEventFeed feed;
  private final BanRepository bans;
  private final ReactionRepository reactions;
  private final ReceiptRepository receipts;
  private final GlobalRoomRepository globalRooms;
  private final DmRoomRepository dmRooms;
  private final ActivityRepository activity;
  private final PreferencesRepository preferences;
  private final ReportRepository reports;
  private final AnnouncementRepository announcements;
  private final HackedMessageRepository hackedMessages;
  private final DeviceRepository devices;
  private final OneTimeKeyRepository oneTimeKeys;
  private final ToDeviceInbox toDeviceInbox;

  private MongoChatStorage(MongoClient client, MongoDatabase db, MongoOptions options, Clock clock) {
    this.client = client;
    // the driver's per-operation timeout (timeoutMS) caps server selection too, for the probe only
    long probeMs = Math.min(READY_TIMEOUT.toMillis(), options.timeout().toMillis());
    this.probe = db.withTimeout(probeMs, TimeUnit.MILLISECONDS);
    MongoIndexes.ensure(db);
    this.accounts = new MongoAccountRepository(db);
    this.rooms = new MongoRoomRepository(db);
    this.memberships = new MongoMembershipRepository(db);
    this.events = new MongoEventLog(db, options.gapGrace(), clock);
    this.invites = new MongoInviteRepository(db);
    this.bans = new MongoBanRepository(db);
    this.reactions = new MongoReactionRepository(db);
    this.receipts = new MongoReceiptRepository(db);
    this.globalRooms = new MongoGlobalRoomRepository(db);
    this.dmRooms = new MongoDmRoomRepository(db);
    this.activity = new MongoActivityRepository(db);
    this.preferences = new MongoPreferencesRepository(db);
    this.reports = new MongoReportRepository(db);
    this.announcements = new MongoAnnouncementRepository(db);
    this.hackedMessages = new MongoHackedMessageRepository(db);
    this.devices = new MongoDeviceRepository(db);
    this.oneTimeKeys = new MongoOneTimeKeyRepository(db);
    this.toDeviceInbox = new MongoToDeviceInbox(db);
    this.feed = new MongoEventFeed(events, db.getCollection(MongoIndexes.EVENTS), options.syncDelivery(),
        options.pollInterval());
    LOG.info("MongoDB storage on database " + db.getName() + "; sync delivery across nodes: " + feed.delivery());
  }

  /**
   * Connects, creates missing indexes and decides the sync delivery.
   *
   * @throws dev.chatcore.domain.error.UnavailableException when MongoDB does not answer within
   *     the timeout, or (with {@code CHANGE_STREAMS}) has no change streams
   */
  public static MongoChatStorage connect(MongoOptions options) {
    return connect(options, Clock.systemUTC());
  }

  /**
   * {@link #connect(MongoOptions)} with the clock by which expiring events (typing notices)
   * lapse in reads.
   */
  public static MongoChatStorage connect(MongoOptions options, Clock clock) {
    MongoClient client = MongoClients.create(clientSettings(options));
    try {
      return new MongoChatStorage(client, client.getDatabase(options.database()), options, clock);
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
        .applyToSocketSettings(b -> b.connectTimeout((int) ms, TimeUnit.MILLISECONDS)
            .readTimeout((int) ms, TimeUnit.MILLISECONDS))
        .applyToConnectionPoolSettings(b -> b.maxWaitTime(ms, TimeUnit.MILLISECONDS))
        .build();
  }

  @Override
  public AccountRepository accounts() {
    return accounts;
  }

  @Override
  public RoomRepository rooms() {
    return rooms;
  }

  @Override
  public MembershipRepository memberships() {
    return memberships;
  }

  @Override
  public EventLog events() {
    return events;
  }

  @Override
  public InviteRepository invites() {
    return invites;
  }

  @Override
  public BanRepository bans() {
    return bans;
  }

  @Override
  public ReactionRepository reactions() {
    return reactions;
  }

  @Override
  public ReceiptRepository receipts() {
    return receipts;
  }

  @Override
  public GlobalRoomRepository globalRooms() {
    return globalRooms;
  }

  @Override
  public DmRoomRepository dmRooms() {
    return dmRooms;
  }

  @Override
  public ActivityRepository activity() {
    return activity;
  }

  @Override
  public PreferencesRepository preferences() {
    return preferences;
  }

  @Override
  public ReportRepository reports() {
    return reports;
  }

  @Override
  public AnnouncementRepository announcements() {
    return announcements;
  }

  @Override
  public HackedMessageRepository hackedMessages() {
    return hackedMessages;
  }

  @Override
  public DeviceRepository devices() {
    return devices;
  }

  @Override
  public OneTimeKeyRepository oneTimeKeys() {
    return oneTimeKeys;
  }

  @Override
  public ToDeviceInbox toDeviceInbox() {
    return toDeviceInbox;
  }

  @Override
  public EventFeed feed() {
    return feed;
  }

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
}
