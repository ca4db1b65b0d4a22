package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.ActivityRepository;
import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.HackedMessageRepository;
import dev.chatcore.domain.port.PreferencesRepository;
import dev.chatcore.domain.port.ReportRepository;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.port.EventFeed;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.InviteRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.port.ToDeviceInbox;
import java.time.Clock;

/** Every port in memory: everything works, nothing survives a restart. */
public final class InMemoryChatStorage implements ChatStorage {
  private final AccountRepository accounts = new InMemoryAccountRepository();
  private final RoomRepository rooms = new InMemoryRoomRepository();
  private final MembershipRepository memberships = new InMemoryMembershipRepository();
  private final EventLog events;
  private final InviteRepository invites = new InMemoryInviteRepository();
  private final EventFeed feed = new InMemoryEventFeed();
  private final BanRepository bans = new InMemoryBanRepository();
  private final ReactionRepository reactions = new InMemoryReactionRepository();
  private final ReceiptRepository receipts = new InMemoryReceiptRepository();


  /** Storage whose expiring events lapse by the system clock. */
  public InMemoryChatStorage() {
    this(Clock.systemUTC());
  }

  /**
   * Storage whose expiring events (typing notices) lapse by {@code clock}.
   *
   * @param clock the core's clock
   */
  public InMemoryChatStorage(Clock clock) {
    this.events = new InMemoryEventLog(clock);
  }
  private final GlobalRoomRepository globalRooms = new InMemoryGlobalRoomRepository();
  private final DmRoomRepository dmRooms = new InMemoryDmRoomRepository();
  private final ActivityRepository activity = new InMemoryActivityRepository();
  private final PreferencesRepository preferences = new InMemoryPreferencesRepository();
  private final ReportRepository reports = new InMemoryReportRepository();
  private final AnnouncementRepository announcements = new InMemoryAnnouncementRepository();
  private final HackedMessageRepository hackedMessages = new InMemoryHackedMessageRepository();
  private final DeviceRepository devices = new InMemoryDeviceRepository();
  private final OneTimeKeyRepository oneTimeKeys = new InMemoryOneTimeKeyRepository();
  private final ToDeviceInbox toDeviceInbox = new InMemoryToDeviceInbox();

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
  public EventFeed feed() {
    return feed;
  }

  @Override
  public void checkReady() {
    // memory always answers
  }

  @Override
  public String kind() {
    return "memory";
  }

  @Override
  public void close() {
    feed.close();
  }
}
