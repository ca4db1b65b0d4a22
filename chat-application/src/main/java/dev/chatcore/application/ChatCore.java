package dev.chatcore.application;

import dev.chatcore.application.account.GetMe;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.admin.AdminAnnouncements;
import dev.chatcore.application.admin.AdminServices;
import dev.chatcore.application.admin.Broadcast;
import dev.chatcore.application.admin.CreatePrivateRoom;
import dev.chatcore.application.admin.DeleteMessage;
import dev.chatcore.application.admin.EditMessage;
import dev.chatcore.application.admin.ListAdminMessages;
import dev.chatcore.application.admin.ListAdminRooms;
import dev.chatcore.application.admin.ListReports;
import dev.chatcore.application.admin.ReviewReport;
import dev.chatcore.application.admin.SearchMessages;
import dev.chatcore.application.admin.UpdatePrivateRoom;
import dev.chatcore.application.chat.AdmitPlayer;
import dev.chatcore.application.chat.ChatServices;
import dev.chatcore.application.chat.ChatVisibility;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.application.dm.DmLifecycle;
import dev.chatcore.application.dm.LeaveDirectMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.e2ee.ClaimKeys;
import dev.chatcore.application.e2ee.Contacts;
import dev.chatcore.application.e2ee.DeleteDevice;
import dev.chatcore.application.e2ee.DeviceActivity;
import dev.chatcore.application.e2ee.DeviceLists;
import dev.chatcore.application.e2ee.DeviceSync;
import dev.chatcore.application.e2ee.E2eeServices;
import dev.chatcore.application.e2ee.EnableEncryption;
import dev.chatcore.application.e2ee.KeyChanges;
import dev.chatcore.application.e2ee.ListDevices;
import dev.chatcore.application.e2ee.QueryKeys;
import dev.chatcore.application.e2ee.SendEncryptedMessage;
import dev.chatcore.application.e2ee.SendToDevice;
import dev.chatcore.application.e2ee.UploadKeys;
import dev.chatcore.application.globalroom.GetGlobalRoom;
import dev.chatcore.application.globalroom.GlobalRoomEvents;
import dev.chatcore.application.globalroom.JoinGlobalRoom;
import dev.chatcore.application.globalroom.ListGlobalRooms;
import dev.chatcore.application.globalroom.PlaceInGlobalRoom;
import dev.chatcore.application.globalroom.SweepIdlePlayers;
import dev.chatcore.application.health.CheckReadiness;
import dev.chatcore.application.invite.BootstrapAdmin;
import dev.chatcore.application.invite.CreateInvite;
import dev.chatcore.application.invite.ListInvites;
import dev.chatcore.application.invite.RedeemInvite;
import dev.chatcore.application.invite.RevokeInvite;
import dev.chatcore.application.member.BanMember;
import dev.chatcore.application.member.JoinRoom;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.application.member.ListMembers;
import dev.chatcore.application.member.MemberRemoval;
import dev.chatcore.application.member.MembershipChange;
import dev.chatcore.application.member.UnbanMember;
import dev.chatcore.application.message.MessageAggregates;
import dev.chatcore.application.message.MessagePosting;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.moderation.AutomaticBans;
import dev.chatcore.application.moderation.BanAccount;
import dev.chatcore.application.moderation.BanChange;
import dev.chatcore.application.moderation.BanGate;
import dev.chatcore.application.moderation.CallGate;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.application.moderation.ListBans;
import dev.chatcore.application.moderation.RateLimiter;
import dev.chatcore.application.moderation.ReadBanHistory;
import dev.chatcore.application.moderation.SpamGuard;
import dev.chatcore.application.moderation.UnbanAccount;
import dev.chatcore.application.preferences.GetPreferences;
import dev.chatcore.application.preferences.UpdatePreferences;
import dev.chatcore.application.reaction.AddReaction;
import dev.chatcore.application.reaction.ReactionChange;
import dev.chatcore.application.reaction.RemoveReaction;
import dev.chatcore.application.receipt.PostReceipt;
import dev.chatcore.application.report.ReportFiling;
import dev.chatcore.application.report.ReportFlaggedMessage;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.application.retention.Janitor;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.room.DeleteRoom;
import dev.chatcore.application.room.GetRoom;
import dev.chatcore.application.room.ListRooms;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.room.RoomDeletion;
import dev.chatcore.application.room.RoomViews;
import dev.chatcore.application.stream.IssueStreamTicket;
import dev.chatcore.application.stream.OpenStream;
import dev.chatcore.application.stream.PurgeExpiredTickets;
import dev.chatcore.application.stream.RedeemStreamTicket;
import dev.chatcore.application.stream.StreamRegistry;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.application.sync.PurgeExpiredEvents;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.application.sync.SyncWaiter;
import dev.chatcore.application.sync.VisibleRead;
import dev.chatcore.application.typing.SetTyping;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.retention.Retention;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * The whole chat core, wired by hand: the plain-Java assembly for hosts without a container (the
 * server's Dagger component takes its use cases from here too, so the two cannot drift).
 *
 * <p>Building it starts nothing: its {@link CoreRuntime} (the subscription to the storage's event
 * feed, the streams' tick and the purges, on the core's {@link CoreExecutors}) starts in {@link
 * #create}, once the whole graph is built. {@link #close()} answers every held sync, ends every
 * stream and stops the executors; it does not close the storage, which the caller owns.
 */
public final class ChatCore implements AutoCloseable {

  private final ChatStorage storage;
  private final Limits limits;
  private final SyncWaiter waiter;
  private final CoreRuntime runtime;

  private final RegisterCaller registerCaller;
  private final GetMe getMe;
  private final CheckReadiness checkReadiness;
  private final CreateInvite createInvite;
  private final ListInvites listInvites;
  private final RevokeInvite revokeInvite;
  private final RedeemInvite redeemInvite;
  private final BootstrapAdmin bootstrapAdmin;
  private final ListRooms listRooms;
  private final GetRoom getRoom;
  private final CreateRoom createRoom;
  private final DeleteRoom deleteRoom;
  private final SendMessage sendMessage;
  private final ReadHistory readHistory;
  private final Sync sync;
  private final StreamRegistry streams;
  private final OpenStream openStream;
  private final IssueStreamTicket issueStreamTicket;
  private final RedeemStreamTicket redeemStreamTicket;
  private final PurgeExpiredTickets purgeExpiredTickets;
  private final BanGate banGate;
  private final RateLimiter rateLimiter;
  private final BanAccount banAccount;
  private final UnbanAccount unbanAccount;
  private final ListBans listBans;
  private final ReadBanHistory readBanHistory;
  private final CallGate callGate;
  private final MessageAggregates messageAggregates;
  private final JoinRoom joinRoom;
  private final LeaveRoom leaveRoom;
  private final ListMembers listMembers;
  private final KickMember kickMember;
  private final BanMember banMember;
  private final UnbanMember unbanMember;
  private final AddReaction addReaction;
  private final RemoveReaction removeReaction;
  private final SetTyping setTyping;
  private final PostReceipt postReceipt;
  private final PurgeExpiredEvents purgeExpiredEvents;
  private final ChatServices chat;
  private final Retention retention;
  private final AdminServices admin;
  private final Janitor janitor;
  private final E2eeServices e2ee;

  private ChatCore(
      ChatStorage storage,
      Limits limits,
      SpamPolicy spamPolicy,
      Retention retention,
      ContentModeration contentModeration,
      Clock clock,
      ChatObserver observer) {
    this.retention = retention;
    this.storage = storage;
    this.limits = limits;
    this.waiter = new SyncWaiter(limits);
    CoreExecutors executors = new CoreExecutors();
    IdGenerator ids = new IdGenerator(clock);
    MessagePolicy messagePolicy = new MessagePolicy(limits);
    RoomAccess access =
        new RoomAccess(storage.rooms(), storage.memberships(), storage.globalRooms());
    RoomViews views =
        new RoomViews(
            storage.events(),
            storage.memberships(),
            storage.globalRooms(),
            storage.accounts(),
            storage.receipts());
    EventPublisher publisher = new EventPublisher(storage.events(), waiter);
    this.banGate = new BanGate(storage.bans(), clock);
    this.rateLimiter = new RateLimiter(limits, clock, observer);
    this.callGate = new CallGate(banGate, rateLimiter);
    BanChange banChange = new BanChange(storage.bans(), banGate, waiter, observer);
    this.banAccount = new BanAccount(banChange, clock);
    this.unbanAccount = new UnbanAccount(banChange);
    this.listBans = new ListBans(storage.bans());
    this.readBanHistory = new ReadBanHistory(storage.bans());
    SpamGuard spamGuard =
        new SpamGuard(
            spamPolicy, clock, new AutomaticBans(storage.bans(), banChange, spamPolicy, clock));
    ReportFiling reportFiling =
        new ReportFiling(
            storage.reports(), contentModeration.alerts(), contentModeration.alertRule());
    ChatVisibility visibility =
        new ChatVisibility(storage.globalRooms(), storage.memberships(), storage.accounts());
    ReportFlaggedMessage reportFlagged =
        new ReportFlaggedMessage(
            storage.rooms(), storage.events(), visibility, reportFiling, ids, clock);
    MessagePosting posting =
        new MessagePosting(
            publisher, spamGuard, contentModeration.filter(), reportFlagged, retention, clock);

    this.registerCaller = new RegisterCaller(storage.accounts(), storage.events(), clock);
    this.getMe = new GetMe(registerCaller);
    this.checkReadiness = new CheckReadiness(storage.lifecycle(), List.of());
    this.createInvite = new CreateInvite(storage.invites(), clock);
    this.listInvites = new ListInvites(storage.invites());
    this.revokeInvite = new RevokeInvite(storage.invites());
    this.redeemInvite =
        new RedeemInvite(storage.invites(), storage.accounts(), storage.events(), ids, clock);
    this.bootstrapAdmin = new BootstrapAdmin(storage.accounts(), storage.invites(), clock);
    this.listRooms = new ListRooms(access, views, registerCaller);
    this.getRoom = new GetRoom(access, views, registerCaller);
    this.createRoom =
        new CreateRoom(storage.rooms(), publisher, views, registerCaller, ids, limits, clock);
    RoomDeletion roomDeletion =
        new RoomDeletion(storage.rooms(), storage.dmRooms(), publisher, clock);
    this.deleteRoom = new DeleteRoom(storage.rooms(), roomDeletion);
    this.sendMessage = new SendMessage(access, registerCaller, messagePolicy, posting);
    this.messageAggregates = new MessageAggregates(storage.reactions(), storage.receipts());
    this.readHistory = new ReadHistory(storage.events(), access, limits, messageAggregates);
    this.e2ee =
        e2eeServices(
            storage,
            E2eeLimits.defaults(),
            clock,
            messagePolicy,
            access,
            views,
            registerCaller,
            publisher,
            posting);
    VisibleRead reads =
        new VisibleRead(storage.events(), access, banGate, limits, e2ee.deviceSync());
    this.sync =
        new Sync(
            reads, registerCaller, waiter, limits, executors.reads(), executors.timer(), observer);
    this.streams = new StreamRegistry(limits);
    // a thread per stream read, untracked: a wake-up of a busy room starts a thousand of these at
    // once, and a per-task executor's registry of live threads is then the most contended thing on
    // the path
    this.openStream =
        new OpenStream(
            reads, registerCaller, waiter, streams, limits, observer, Thread::startVirtualThread);
    this.issueStreamTicket = new IssueStreamTicket(storage.streamTickets(), limits, clock);
    this.redeemStreamTicket = new RedeemStreamTicket(storage.streamTickets(), clock);
    this.purgeExpiredTickets = new PurgeExpiredTickets(storage.streamTickets(), clock);
    KeyedLocks locks = new KeyedLocks();
    MembershipChange change =
        new MembershipChange(storage.memberships(), storage.receipts(), publisher, clock);
    DmLifecycle dms =
        new DmLifecycle(storage.dmRooms(), storage.memberships(), change, roomDeletion);
    this.joinRoom =
        new JoinRoom(storage.rooms(), access, views, registerCaller, change, locks, limits);
    this.leaveRoom = new LeaveRoom(access, registerCaller, locks, dms);
    this.listMembers = new ListMembers(storage.memberships(), storage.accounts(), access);
    MemberRemoval removal =
        new MemberRemoval(storage.accounts(), storage.globalRooms(), access, locks, change, dms);
    this.kickMember = new KickMember(removal);
    this.banMember = new BanMember(removal);
    this.unbanMember = new UnbanMember(storage.memberships(), access, locks, change);
    ReactionChange reactions =
        new ReactionChange(
            storage.events(),
            storage.reactions(),
            access,
            registerCaller,
            publisher,
            locks,
            limits,
            clock);
    this.addReaction = new AddReaction(reactions);
    this.removeReaction = new RemoveReaction(reactions);
    this.setTyping = new SetTyping(access, registerCaller, publisher, limits, clock);
    this.postReceipt =
        new PostReceipt(
            storage.events(), storage.receipts(), access, registerCaller, publisher, locks, clock);
    this.purgeExpiredEvents = new PurgeExpiredEvents(storage.events(), clock);
    this.chat =
        chatServices(
            storage,
            limits,
            clock,
            ids,
            messagePolicy,
            access,
            registerCaller,
            publisher,
            posting,
            reportFiling,
            visibility,
            change,
            dms);
    this.admin =
        adminServices(
            storage,
            limits,
            retention,
            clock,
            ids,
            messagePolicy,
            registerCaller,
            publisher,
            visibility,
            change,
            roomDeletion,
            locks);
    this.janitor =
        new Janitor(
            storage.events(),
            storage.rooms(),
            storage.dmRooms(),
            storage.memberships(),
            storage.announcements(),
            storage.hackedMessages(),
            storage.reports(),
            storage.bans(),
            storage.reactions(),
            storage.receipts(),
            storage.toDeviceInbox(),
            retention,
            publisher,
            clock);
    this.runtime =
        new CoreRuntime(
            storage.feed(),
            storage.rooms(),
            waiter,
            streams,
            purgeExpiredEvents,
            purgeExpiredTickets,
            executors);
  }

  /** The Chat V2 player use cases; one {@link GlobalRoomEvents} orders every seat change. */
  private static ChatServices chatServices(
      ChatStorage storage,
      Limits limits,
      Clock clock,
      IdGenerator ids,
      MessagePolicy policy,
      RoomAccess access,
      RegisterCaller register,
      EventPublisher publisher,
      MessagePosting posting,
      ReportFiling reportFiling,
      ChatVisibility visibility,
      MembershipChange change,
      DmLifecycle dms) {
    GlobalRoomEvents globalEvents = new GlobalRoomEvents(storage.rooms(), publisher, change, clock);
    PlaceInGlobalRoom placeInGlobalRoom =
        new PlaceInGlobalRoom(
            storage.activity(),
            storage.globalRooms(),
            storage.memberships(),
            globalEvents,
            ids,
            limits,
            clock);
    return new ChatServices(
        new AdmitPlayer(register, placeInGlobalRoom, clock),
        new ReadRoomUpdates(
            storage.globalRooms(),
            storage.memberships(),
            storage.rooms(),
            storage.events(),
            storage.announcements(),
            visibility,
            clock),
        new PostChatMessage(
            storage.rooms(),
            storage.events(),
            storage.hackedMessages(),
            access,
            policy,
            clock,
            posting),
        placeInGlobalRoom,
        new JoinGlobalRoom(
            storage.rooms(), storage.memberships(), storage.globalRooms(), globalEvents, limits),
        new GetGlobalRoom(storage.rooms(), storage.globalRooms()),
        new ListGlobalRooms(storage.globalRooms(), globalEvents, limits),
        new SweepIdlePlayers(storage.activity(), storage.globalRooms(), globalEvents, clock),
        new SendDirectMessage(
            storage.rooms(),
            storage.memberships(),
            storage.dmRooms(),
            storage.events(),
            publisher,
            change,
            policy,
            ids,
            limits,
            clock,
            posting),
        new LeaveDirectMessage(storage.rooms(), access, dms),
        new GetPreferences(storage.preferences(), ids, clock),
        new UpdatePreferences(storage.preferences(), ids, limits, clock),
        new ReportMessage(
            storage.events(), storage.rooms(), access, visibility, reportFiling, ids, clock));
  }

  /**
   * The Chat V2 admin use cases; creating and updating a private room take the core's one {@link
   * KeyedLocks} (as in a container, where it is a singleton), so changes of a room take turns.
   */
  private static AdminServices adminServices(
      ChatStorage storage,
      Limits limits,
      Retention retention,
      Clock clock,
      IdGenerator ids,
      MessagePolicy policy,
      RegisterCaller register,
      EventPublisher publisher,
      ChatVisibility visibility,
      MembershipChange change,
      RoomDeletion deletion,
      KeyedLocks locks) {
    return new AdminServices(
        new Broadcast(
            storage.announcements(),
            storage.rooms(),
            storage.globalRooms(),
            storage.memberships(),
            register,
            publisher,
            policy,
            ids,
            retention,
            clock),
        new ListReports(storage.reports()),
        new ReviewReport(storage.reports()),
        new CreatePrivateRoom(
            storage.rooms(), register, publisher, change, ids, limits, locks, clock),
        new UpdatePrivateRoom(
            storage.rooms(),
            storage.memberships(),
            storage.events(),
            register,
            change,
            deletion,
            limits,
            locks),
        new ListAdminRooms(
            storage.rooms(), storage.globalRooms(), storage.memberships(), visibility),
        new ListAdminMessages(storage.events(), storage.hackedMessages()),
        new SearchMessages(storage.events()),
        new DeleteMessage(storage.events(), publisher, clock),
        new EditMessage(storage.events(), storage.announcements(), publisher, policy, clock),
        new AdminAnnouncements(storage.announcements(), policy, clock));
  }

  /**
   * The end-to-end encryption use cases; one {@link DeviceActivity} for the syncs that record a
   * device and the deletion that forgets it.
   */
  private static E2eeServices e2eeServices(
      ChatStorage storage,
      E2eeLimits limits,
      Clock clock,
      MessagePolicy policy,
      RoomAccess access,
      RoomViews views,
      RegisterCaller register,
      EventPublisher publisher,
      MessagePosting posting) {
    Contacts contacts = new Contacts(access);
    DeviceActivity activity = new DeviceActivity(storage.devices(), clock);
    DeviceLists deviceLists = new DeviceLists(storage.devices(), publisher, contacts);
    return new E2eeServices(
        limits,
        new DeviceSync(
            storage.toDeviceInbox(),
            storage.devices(),
            storage.oneTimeKeys(),
            contacts,
            activity,
            limits),
        new UploadKeys(
            storage.devices(), storage.oneTimeKeys(), register, deviceLists, limits, clock),
        new QueryKeys(storage.devices(), contacts, limits),
        new ClaimKeys(storage.oneTimeKeys(), contacts, limits),
        new KeyChanges(storage.events(), storage.devices(), contacts),
        new SendToDevice(
            storage.toDeviceInbox(), storage.devices(), publisher, contacts, policy, limits, clock),
        new ListDevices(storage.devices()),
        new DeleteDevice(
            storage.devices(),
            storage.oneTimeKeys(),
            storage.toDeviceInbox(),
            deviceLists,
            activity),
        new EnableEncryption(storage.rooms(), access, views, register, publisher, clock),
        new SendEncryptedMessage(access, register, policy, limits, posting));
  }

  /**
   * Builds a core over {@code storage}.
   *
   * @param clock the time source of every use case (tests pass a mutable clock)
   */
  public static ChatCore create(ChatStorage storage, Limits limits, Clock clock) {
    return create(storage, limits, SpamPolicy.defaults(), Retention.defaults(), clock);
  }

  /** Builds a core with a spam policy other than the default. */
  public static ChatCore create(
      ChatStorage storage, Limits limits, SpamPolicy spamPolicy, Clock clock) {
    return create(storage, limits, spamPolicy, Retention.defaults(), clock);
  }

  /** Builds a core with its own spam policy and retention table. */
  public static ChatCore create(
      ChatStorage storage, Limits limits, SpamPolicy spamPolicy, Retention retention, Clock clock) {
    return create(storage, limits, spamPolicy, retention, ContentModeration.none(), clock);
  }

  /**
   * Builds a core with the host's moderation: its content filter and report alerts (the other
   * overloads allow every message and send no alert).
   */
  public static ChatCore create(
      ChatStorage storage,
      Limits limits,
      SpamPolicy spamPolicy,
      Retention retention,
      ContentModeration contentModeration,
      Clock clock) {
    return create(
        storage, limits, spamPolicy, retention, contentModeration, clock, ChatObserver.NONE);
  }

  /**
   * Builds a core with the host's moderation that also tells {@code observer} what only it sees
   * (deliveries, rate-limit refusals, bans): the server's metrics use it.
   */
  public static ChatCore create(
      ChatStorage storage,
      Limits limits,
      SpamPolicy spamPolicy,
      Retention retention,
      ContentModeration contentModeration,
      Clock clock,
      ChatObserver observer) {
    ChatCore core =
        new ChatCore(
            storage,
            limits,
            spamPolicy,
            retention,
            contentModeration,
            clock,
            Objects.requireNonNull(observer));
    core.runtime.start(); // after the constructor: no listener or timer sees a half-built core
    return core;
  }

  public Retention retention() {
    return retention;
  }

  /** The Chat V2 admin use cases ({@code /chat/admin/...}). */
  public AdminServices admin() {
    return admin;
  }

  /** The end-to-end encryption use cases (devices, keys, to-device messages, encrypted rooms). */
  public E2eeServices e2ee() {
    return e2ee;
  }

  /** The retention janitor; the server runs it on a schedule (the core does not). */
  public Janitor janitor() {
    return janitor;
  }

  public ChatStorage storage() {
    return storage;
  }

  public Limits limits() {
    return limits;
  }

  public SyncWaiter syncWaiter() {
    return waiter;
  }

  public RegisterCaller registerCaller() {
    return registerCaller;
  }

  public GetMe getMe() {
    return getMe;
  }

  public CheckReadiness checkReadiness() {
    return checkReadiness;
  }

  public CreateInvite createInvite() {
    return createInvite;
  }

  public ListInvites listInvites() {
    return listInvites;
  }

  public RevokeInvite revokeInvite() {
    return revokeInvite;
  }

  public RedeemInvite redeemInvite() {
    return redeemInvite;
  }

  public BootstrapAdmin bootstrapAdmin() {
    return bootstrapAdmin;
  }

  public ListRooms listRooms() {
    return listRooms;
  }

  public GetRoom getRoom() {
    return getRoom;
  }

  public CreateRoom createRoom() {
    return createRoom;
  }

  public DeleteRoom deleteRoom() {
    return deleteRoom;
  }

  public SendMessage sendMessage() {
    return sendMessage;
  }

  public ReadHistory readHistory() {
    return readHistory;
  }

  public Sync sync() {
    return sync;
  }

  /** Every live stream open on this node (per-account cap, lifetimes, keep-alives). */
  public StreamRegistry streams() {
    return streams;
  }

  public OpenStream openStream() {
    return openStream;
  }

  public IssueStreamTicket issueStreamTicket() {
    return issueStreamTicket;
  }

  public RedeemStreamTicket redeemStreamTicket() {
    return redeemStreamTicket;
  }

  public BanGate banGate() {
    return banGate;
  }

  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /** Admin: bans an account from the whole service. */
  public BanAccount banAccount() {
    return banAccount;
  }

  /** Admin: lifts an account's service-wide ban. */
  public UnbanAccount unbanAccount() {
    return unbanAccount;
  }

  /** Admin: the service-wide bans, a page at a time. */
  public ListBans listBans() {
    return listBans;
  }

  /** Admin: an account's ban history and offence record. */
  public ReadBanHistory readBanHistory() {
    return readBanHistory;
  }

  /** The ban check and rate limit every way in passes before a use case runs. */
  public CallGate callGate() {
    return callGate;
  }

  public MessageAggregates messageAggregates() {
    return messageAggregates;
  }

  public JoinRoom joinRoom() {
    return joinRoom;
  }

  public LeaveRoom leaveRoom() {
    return leaveRoom;
  }

  public ListMembers listMembers() {
    return listMembers;
  }

  public KickMember kickMember() {
    return kickMember;
  }

  public BanMember banMember() {
    return banMember;
  }

  public UnbanMember unbanMember() {
    return unbanMember;
  }

  public AddReaction addReaction() {
    return addReaction;
  }

  public RemoveReaction removeReaction() {
    return removeReaction;
  }

  public SetTyping setTyping() {
    return setTyping;
  }

  public PostReceipt postReceipt() {
    return postReceipt;
  }

  public PurgeExpiredEvents purgeExpiredEvents() {
    return purgeExpiredEvents;
  }

  /** The Chat V2 ({@code /chat}) use cases. */
  public ChatServices chat() {
    return chat;
  }

  /** Answers every held sync and ends every stream, then stops the core's executors. Idempotent. */
  @Override
  public void close() {
    runtime.close();
  }
}
