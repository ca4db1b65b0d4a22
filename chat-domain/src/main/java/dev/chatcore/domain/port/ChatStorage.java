package dev.chatcore.domain.port;

import dev.chatcore.domain.error.UnavailableException;
import java.util.Objects;

/**
 * Everything the core stores, as one unit that an adapter builds ({@link #builder()}) and closes:
 * one port per kind of record, the cross-node {@link EventFeed}, and the storage's {@link
 * Lifecycle}. A plain value: decorators (timers, test gates) wrap every port at once with {@link
 * #decorated}.
 *
 * @param feed cross-node change notifications; a feed that reports nothing for single-process
 *     stores
 */
public record ChatStorage(
    AccountRepository accounts,
    RoomRepository rooms,
    MembershipRepository memberships,
    EventLog events,
    InviteRepository invites,
    BanRepository bans,
    ReactionRepository reactions,
    ReceiptRepository receipts,
    GlobalRoomRepository globalRooms,
    DmRoomRepository dmRooms,
    ActivityRepository activity,
    PreferencesRepository preferences,
    ReportRepository reports,
    AnnouncementRepository announcements,
    HackedMessageRepository hackedMessages,
    StreamTicketRepository streamTickets,
    DeviceRepository devices,
    OneTimeKeyRepository oneTimeKeys,
    ToDeviceInbox toDeviceInbox,
    EventFeed feed,
    Lifecycle lifecycle)
    implements AutoCloseable {

  /** What a storage does as a whole, beside its ports. */
  public interface Lifecycle {
    /**
     * Asks the store whether it answers.
     *
     * @throws UnavailableException when it does not
     */
    void checkReady();

    /** A short name of the storage for logs and {@code /.well-known}, e.g. {@code memory}. */
    String kind();

    /** Releases what the storage holds (connections, the feed). Idempotent. */
    void close();
  }

  /** Wraps one port in something of the same type: the same decorator is given every port. */
  public interface PortDecorator {
    <T> T decorate(Class<T> port, T implementation);
  }

  public ChatStorage {
    Objects.requireNonNull(accounts, "accounts");
    Objects.requireNonNull(rooms, "rooms");
    Objects.requireNonNull(memberships, "memberships");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(invites, "invites");
    Objects.requireNonNull(bans, "bans");
    Objects.requireNonNull(reactions, "reactions");
    Objects.requireNonNull(receipts, "receipts");
    Objects.requireNonNull(globalRooms, "globalRooms");
    Objects.requireNonNull(dmRooms, "dmRooms");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(preferences, "preferences");
    Objects.requireNonNull(reports, "reports");
    Objects.requireNonNull(announcements, "announcements");
    Objects.requireNonNull(hackedMessages, "hackedMessages");
    Objects.requireNonNull(streamTickets, "streamTickets");
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(oneTimeKeys, "oneTimeKeys");
    Objects.requireNonNull(toDeviceInbox, "toDeviceInbox");
    Objects.requireNonNull(feed, "feed");
    Objects.requireNonNull(lifecycle, "lifecycle");
  }

  /** A builder for adapters: every port must be set. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@link Lifecycle#checkReady()}. */
  public void checkReady() {
    lifecycle.checkReady();
  }

  /** {@link Lifecycle#kind()}. */
  public String kind() {
    return lifecycle.kind();
  }

  @Override
  public void close() {
    lifecycle.close();
  }

  /**
   * This storage with every port (not the feed, not the lifecycle) wrapped by {@code decorator}.
   */
  public ChatStorage decorated(PortDecorator decorator) {
    return new ChatStorage(
        decorator.decorate(AccountRepository.class, accounts),
        decorator.decorate(RoomRepository.class, rooms),
        decorator.decorate(MembershipRepository.class, memberships),
        decorator.decorate(EventLog.class, events),
        decorator.decorate(InviteRepository.class, invites),
        decorator.decorate(BanRepository.class, bans),
        decorator.decorate(ReactionRepository.class, reactions),
        decorator.decorate(ReceiptRepository.class, receipts),
        decorator.decorate(GlobalRoomRepository.class, globalRooms),
        decorator.decorate(DmRoomRepository.class, dmRooms),
        decorator.decorate(ActivityRepository.class, activity),
        decorator.decorate(PreferencesRepository.class, preferences),
        decorator.decorate(ReportRepository.class, reports),
        decorator.decorate(AnnouncementRepository.class, announcements),
        decorator.decorate(HackedMessageRepository.class, hackedMessages),
        decorator.decorate(StreamTicketRepository.class, streamTickets),
        decorator.decorate(DeviceRepository.class, devices),
        decorator.decorate(OneTimeKeyRepository.class, oneTimeKeys),
        decorator.decorate(ToDeviceInbox.class, toDeviceInbox),
        feed,
        lifecycle);
  }

  /** A builder holding this storage's ports, to replace some of them. */
  public Builder toBuilder() {
    return builder()
        .accounts(accounts)
        .rooms(rooms)
        .memberships(memberships)
        .events(events)
        .invites(invites)
        .bans(bans)
        .reactions(reactions)
        .receipts(receipts)
        .globalRooms(globalRooms)
        .dmRooms(dmRooms)
        .activity(activity)
        .preferences(preferences)
        .reports(reports)
        .announcements(announcements)
        .hackedMessages(hackedMessages)
        .streamTickets(streamTickets)
        .devices(devices)
        .oneTimeKeys(oneTimeKeys)
        .toDeviceInbox(toDeviceInbox)
        .feed(feed)
        .lifecycle(lifecycle);
  }

  /** Collects the ports of a storage by name; {@link #build()} checks that none is missing. */
  public static final class Builder {
    private AccountRepository accounts;
    private RoomRepository rooms;
    private MembershipRepository memberships;
    private EventLog events;
    private InviteRepository invites;
    private BanRepository bans;
    private ReactionRepository reactions;
    private ReceiptRepository receipts;
    private GlobalRoomRepository globalRooms;
    private DmRoomRepository dmRooms;
    private ActivityRepository activity;
    private PreferencesRepository preferences;
    private ReportRepository reports;
    private AnnouncementRepository announcements;
    private HackedMessageRepository hackedMessages;
    private StreamTicketRepository streamTickets;
    private DeviceRepository devices;
    private OneTimeKeyRepository oneTimeKeys;
    private ToDeviceInbox toDeviceInbox;
    private EventFeed feed;
    private Lifecycle lifecycle;

    private Builder() {}

    public Builder accounts(AccountRepository port) {
      this.accounts = port;
      return this;
    }

    public Builder rooms(RoomRepository port) {
      this.rooms = port;
      return this;
    }

    public Builder memberships(MembershipRepository port) {
      this.memberships = port;
      return this;
    }

    public Builder events(EventLog port) {
      this.events = port;
      return this;
    }

    public Builder invites(InviteRepository port) {
      this.invites = port;
      return this;
    }

    public Builder bans(BanRepository port) {
      this.bans = port;
      return this;
    }

    public Builder reactions(ReactionRepository port) {
      this.reactions = port;
      return this;
    }

    public Builder receipts(ReceiptRepository port) {
      this.receipts = port;
      return this;
    }

    public Builder globalRooms(GlobalRoomRepository port) {
      this.globalRooms = port;
      return this;
    }

    public Builder dmRooms(DmRoomRepository port) {
      this.dmRooms = port;
      return this;
    }

    public Builder activity(ActivityRepository port) {
      this.activity = port;
      return this;
    }

    public Builder preferences(PreferencesRepository port) {
      this.preferences = port;
      return this;
    }

    public Builder reports(ReportRepository port) {
      this.reports = port;
      return this;
    }

    public Builder announcements(AnnouncementRepository port) {
      this.announcements = port;
      return this;
    }

    public Builder hackedMessages(HackedMessageRepository port) {
      this.hackedMessages = port;
      return this;
    }

    public Builder streamTickets(StreamTicketRepository port) {
      this.streamTickets = port;
      return this;
    }

    public Builder devices(DeviceRepository port) {
      this.devices = port;
      return this;
    }

    public Builder oneTimeKeys(OneTimeKeyRepository port) {
      this.oneTimeKeys = port;
      return this;
    }

    public Builder toDeviceInbox(ToDeviceInbox port) {
      this.toDeviceInbox = port;
      return this;
    }

    public Builder feed(EventFeed port) {
      this.feed = port;
      return this;
    }

    public Builder lifecycle(Lifecycle value) {
      this.lifecycle = value;
      return this;
    }

    /**
     * @throws NullPointerException naming the first port that was not set
     */
    public ChatStorage build() {
      return new ChatStorage(
          accounts,
          rooms,
          memberships,
          events,
          invites,
          bans,
          reactions,
          receipts,
          globalRooms,
          dmRooms,
          activity,
          preferences,
          reports,
          announcements,
          hackedMessages,
          streamTickets,
          devices,
          oneTimeKeys,
          toDeviceInbox,
          feed,
          lifecycle);
    }
  }
}
