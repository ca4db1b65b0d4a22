package dev.chatcore.server.metrics;

import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.ActivityRepository;
import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.EventFeed;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.HackedMessageRepository;
import dev.chatcore.domain.port.InviteRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.PreferencesRepository;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.port.ReportRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.port.ToDeviceInbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * A storage whose every port call is timed by {@link StorageTimers} (port, method, outcome), and
 * whose feed measures its lag ({@link FeedLag}). Works on any adapter: it sees only the ports.
 * The port views are made once, so the per-call cost is the timing itself.
 */
final class MeteredStorage implements ChatStorage {
  private final ChatStorage storage;
  private final StorageTimers timers;
  private final AccountRepository accounts;
  private final RoomRepository rooms;
  private final MembershipRepository memberships;
  private final EventLog events;
  private final InviteRepository invites;
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
  private final EventFeed feed;

  MeteredStorage(ChatStorage storage, MeterRegistry registry, Clock clock) {
    this.storage = storage;
    this.timers = new StorageTimers(registry);
    accounts = timers.timed(AccountRepository.class, storage.accounts());
    rooms = timers.timed(RoomRepository.class, storage.rooms());
    memberships = timers.timed(MembershipRepository.class, storage.memberships());
    events = timers.timed(EventLog.class, storage.events());
    invites = timers.timed(InviteRepository.class, storage.invites());
    bans = timers.timed(BanRepository.class, storage.bans());
    reactions = timers.timed(ReactionRepository.class, storage.reactions());
    receipts = timers.timed(ReceiptRepository.class, storage.receipts());
    globalRooms = timers.timed(GlobalRoomRepository.class, storage.globalRooms());
    dmRooms = timers.timed(DmRoomRepository.class, storage.dmRooms());
    activity = timers.timed(ActivityRepository.class, storage.activity());
    preferences = timers.timed(PreferencesRepository.class, storage.preferences());
    reports = timers.timed(ReportRepository.class, storage.reports());
    announcements = timers.timed(AnnouncementRepository.class, storage.announcements());
    hackedMessages = timers.timed(HackedMessageRepository.class, storage.hackedMessages());
    devices = timers.timed(DeviceRepository.class, storage.devices());
    oneTimeKeys = timers.timed(OneTimeKeyRepository.class, storage.oneTimeKeys());
    toDeviceInbox = timers.timed(ToDeviceInbox.class, storage.toDeviceInbox());
    // the lag samples read the store itself: they are not the core's storage operations
    feed = new FeedLag(storage.feed(), storage.events(), clock, registry);
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

  /** The readiness ping is a storage call too: {@code port="ChatStorage", method="checkReady"}. */
  @Override
  public void checkReady() {
    timers.run("ChatStorage", "checkReady", storage::checkReady);
  }

  @Override
  public String kind() {
    return storage.kind();
  }

  @Override
  public void close() {
    storage.close(); // closes its feed: FeedLag holds nothing of its own
  }
}
