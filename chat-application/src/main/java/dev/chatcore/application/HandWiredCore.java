package dev.chatcore.application;

import dev.chatcore.application.account.GetMe;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.admin.AdminAnnouncements;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The {@link ChatCore} wired by hand, for hosts without a container: one method per class, which
 * builds it from its collaborators' methods the first time and gives the same instance after, so
 * adding a use case is one method here (and its getter in {@link ChatCore}). Every class is built
 * once per core, as the {@code @Singleton} ones are under Dagger.
 */
final class HandWiredCore implements ChatCore {
  private final ChatStorage storage;
  private final Limits limits;
  private final SpamPolicy spamPolicy;
  private final Retention retention;
  private final ContentModeration moderation;
  private final Clock clock;
  private final ChatObserver observer;

  /** What is built so far, by class: read without a lock, written under {@link #building}. */
  private final Map<Class<?>, Object> built = new ConcurrentHashMap<>();

  private final Object building = new Object();

  private HandWiredCore(
      ChatStorage storage,
      Limits limits,
      SpamPolicy spamPolicy,
      Retention retention,
      ContentModeration moderation,
      Clock clock,
      ChatObserver observer) {
    this.storage = storage;
    this.limits = limits;
    this.spamPolicy = spamPolicy;
    this.retention = retention;
    this.moderation = moderation;
    this.clock = clock;
    this.observer = observer;
  }

  /**
   * Builds the whole graph, then starts its runtime: no listener or timer sees a half-built core.
   */
  static HandWiredCore started(
      ChatStorage storage,
      Limits limits,
      SpamPolicy spamPolicy,
      Retention retention,
      ContentModeration moderation,
      Clock clock,
      ChatObserver observer) {
    HandWiredCore core =
        new HandWiredCore(storage, limits, spamPolicy, retention, moderation, clock, observer);
    core.runtime().start();
    return core;
  }

  /**
   * The one instance of {@code type}, built by {@code build} on first use. A build asks for its
   * collaborators, so it recurses: under the (reentrant) lock, never inside {@code
   * computeIfAbsent}, which forbids that.
   */
  private <T> T once(Class<T> type, Supplier<T> build) {
    Object existing = built.get(type);
    if (existing == null) {
      synchronized (building) {
        existing = built.get(type);
        if (existing == null) {
          existing = build.get();
          built.put(type, existing);
        }
      }
    }
    return type.cast(existing);
  }

  // the parts that are not use cases

  @Override
  public ChatStorage storage() {
    return storage;
  }

  @Override
  public Limits limits() {
    return limits;
  }

  @Override
  public Retention retention() {
    return retention;
  }

  @Override
  public E2eeLimits e2eeLimits() {
    return once(E2eeLimits.class, E2eeLimits::defaults);
  }

  private IdGenerator ids() {
    return once(IdGenerator.class, () -> new IdGenerator(clock));
  }

  private MessagePolicy messagePolicy() {
    return once(MessagePolicy.class, () -> new MessagePolicy(limits));
  }

  private CoreExecutors executors() {
    return once(CoreExecutors.class, CoreExecutors::new);
  }

  @Override
  public SyncWaiter syncWaiter() {
    return once(SyncWaiter.class, () -> new SyncWaiter(limits));
  }

  @Override
  public StreamRegistry streams() {
    return once(StreamRegistry.class, () -> new StreamRegistry(limits));
  }

  @Override
  public CoreRuntime runtime() {
    return once(
        CoreRuntime.class,
        () ->
            new CoreRuntime(
                storage.feed(),
                storage.rooms(),
                syncWaiter(),
                streams(),
                purgeExpiredEvents(),
                purgeExpiredTickets(),
                executors()));
  }

  @Override
  public Janitor janitor() {
    return once(
        Janitor.class,
        () ->
            new Janitor(
                storage.events(),
                storage.rooms(),
                storage.memberships(),
                storage.announcements(),
                storage.hackedMessages(),
                storage.reports(),
                storage.bans(),
                storage.reactions(),
                storage.receipts(),
                storage.toDeviceInbox(),
                retention,
                roomDeletion(),
                clock));
  }

  @Override
  public BanGate banGate() {
    return once(BanGate.class, () -> new BanGate(storage.bans(), clock));
  }

  @Override
  public RateLimiter rateLimiter() {
    return once(RateLimiter.class, () -> new RateLimiter(limits, clock, observer));
  }

  @Override
  public CallGate callGate() {
    return once(CallGate.class, () -> new CallGate(banGate(), rateLimiter()));
  }

  @Override
  public RegisterCaller registerCaller() {
    return once(
        RegisterCaller.class,
        () -> new RegisterCaller(storage.accounts(), storage.events(), clock));
  }

  @Override
  public MessageAggregates messageAggregates() {
    return once(
        MessageAggregates.class,
        () -> new MessageAggregates(storage.reactions(), storage.receipts()));
  }

  private RoomAccess roomAccess() {
    return once(
        RoomAccess.class,
        () -> new RoomAccess(storage.rooms(), storage.memberships(), storage.globalRooms()));
  }

  private RoomViews roomViews() {
    return once(
        RoomViews.class,
        () ->
            new RoomViews(
                storage.events(),
                storage.memberships(),
                storage.globalRooms(),
                storage.accounts(),
                storage.receipts()));
  }

  private EventPublisher eventPublisher() {
    return once(EventPublisher.class, () -> new EventPublisher(storage.events(), syncWaiter()));
  }

  private KeyedLocks keyedLocks() {
    return once(KeyedLocks.class, KeyedLocks::new);
  }

  private MembershipChange membershipChange() {
    return once(
        MembershipChange.class,
        () ->
            new MembershipChange(
                storage.memberships(), storage.receipts(), eventPublisher(), clock));
  }

  private RoomDeletion roomDeletion() {
    return once(
        RoomDeletion.class,
        () -> new RoomDeletion(storage.rooms(), storage.dmRooms(), eventPublisher(), clock));
  }

  private DmLifecycle dmLifecycle() {
    return once(
        DmLifecycle.class,
        () ->
            new DmLifecycle(
                storage.dmRooms(), storage.memberships(), membershipChange(), roomDeletion()));
  }

  private ChatVisibility chatVisibility() {
    return once(
        ChatVisibility.class,
        () -> new ChatVisibility(storage.globalRooms(), storage.memberships(), storage.accounts()));
  }

  // posting, spam and reports

  private BanChange banChange() {
    return once(
        BanChange.class, () -> new BanChange(storage.bans(), banGate(), syncWaiter(), observer));
  }

  private AutomaticBans automaticBans() {
    return once(
        AutomaticBans.class,
        () -> new AutomaticBans(storage.bans(), banChange(), spamPolicy, clock));
  }

  private SpamGuard spamGuard() {
    return once(SpamGuard.class, () -> new SpamGuard(spamPolicy, clock, automaticBans()));
  }

  private ReportFiling reportFiling() {
    return once(
        ReportFiling.class,
        () -> new ReportFiling(storage.reports(), moderation.alerts(), moderation.alertRule()));
  }

  private ReportFlaggedMessage reportFlaggedMessage() {
    return once(
        ReportFlaggedMessage.class,
        () ->
            new ReportFlaggedMessage(
                storage.rooms(), storage.events(), chatVisibility(), reportFiling(), ids(), clock));
  }

  private MessagePosting messagePosting() {
    return once(
        MessagePosting.class,
        () ->
            new MessagePosting(
                eventPublisher(),
                spamGuard(),
                moderation.filter(),
                reportFlaggedMessage(),
                retention,
                clock));
  }

  // accounts, invites and health

  @Override
  public GetMe getMe() {
    return once(GetMe.class, () -> new GetMe(registerCaller()));
  }

  @Override
  public CheckReadiness checkReadiness() {
    return once(CheckReadiness.class, () -> new CheckReadiness(storage.lifecycle(), List.of()));
  }

  @Override
  public CreateInvite createInvite() {
    return once(CreateInvite.class, () -> new CreateInvite(storage.invites(), clock));
  }

  @Override
  public ListInvites listInvites() {
    return once(ListInvites.class, () -> new ListInvites(storage.invites()));
  }

  @Override
  public RevokeInvite revokeInvite() {
    return once(RevokeInvite.class, () -> new RevokeInvite(storage.invites()));
  }

  @Override
  public RedeemInvite redeemInvite() {
    return once(
        RedeemInvite.class,
        () ->
            new RedeemInvite(
                storage.invites(), storage.accounts(), storage.events(), ids(), clock));
  }

  @Override
  public BootstrapAdmin bootstrapAdmin() {
    return once(
        BootstrapAdmin.class,
        () -> new BootstrapAdmin(storage.accounts(), storage.invites(), clock));
  }

  // rooms, messages and members

  @Override
  public ListRooms listRooms() {
    return once(ListRooms.class, () -> new ListRooms(roomAccess(), roomViews(), registerCaller()));
  }

  @Override
  public GetRoom getRoom() {
    return once(GetRoom.class, () -> new GetRoom(roomAccess(), roomViews(), registerCaller()));
  }

  @Override
  public CreateRoom createRoom() {
    return once(
        CreateRoom.class,
        () ->
            new CreateRoom(
                storage.rooms(),
                eventPublisher(),
                roomViews(),
                registerCaller(),
                ids(),
                limits,
                clock));
  }

  @Override
  public DeleteRoom deleteRoom() {
    return once(DeleteRoom.class, () -> new DeleteRoom(storage.rooms(), roomDeletion()));
  }

  @Override
  public SendMessage sendMessage() {
    return once(
        SendMessage.class,
        () -> new SendMessage(roomAccess(), registerCaller(), messagePolicy(), messagePosting()));
  }

  @Override
  public ReadHistory readHistory() {
    return once(
        ReadHistory.class,
        () -> new ReadHistory(storage.events(), roomAccess(), limits, messageAggregates()));
  }

  @Override
  public JoinRoom joinRoom() {
    return once(
        JoinRoom.class,
        () ->
            new JoinRoom(
                storage.rooms(),
                roomAccess(),
                roomViews(),
                registerCaller(),
                membershipChange(),
                keyedLocks(),
                limits));
  }

  @Override
  public LeaveRoom leaveRoom() {
    return once(
        LeaveRoom.class,
        () -> new LeaveRoom(roomAccess(), registerCaller(), keyedLocks(), dmLifecycle()));
  }

  @Override
  public ListMembers listMembers() {
    return once(
        ListMembers.class,
        () -> new ListMembers(storage.memberships(), storage.accounts(), roomAccess()));
  }

  private MemberRemoval memberRemoval() {
    return once(
        MemberRemoval.class,
        () ->
            new MemberRemoval(
                storage.accounts(),
                storage.globalRooms(),
                roomAccess(),
                keyedLocks(),
                membershipChange(),
                dmLifecycle()));
  }

  @Override
  public KickMember kickMember() {
    return once(KickMember.class, () -> new KickMember(memberRemoval()));
  }

  @Override
  public BanMember banMember() {
    return once(BanMember.class, () -> new BanMember(memberRemoval()));
  }

  @Override
  public UnbanMember unbanMember() {
    return once(
        UnbanMember.class,
        () ->
            new UnbanMember(storage.memberships(), roomAccess(), keyedLocks(), membershipChange()));
  }

  private ReactionChange reactionChange() {
    return once(
        ReactionChange.class,
        () ->
            new ReactionChange(
                storage.events(),
                storage.reactions(),
                roomAccess(),
                registerCaller(),
                eventPublisher(),
                keyedLocks(),
                limits,
                clock));
  }

  @Override
  public AddReaction addReaction() {
    return once(AddReaction.class, () -> new AddReaction(reactionChange()));
  }

  @Override
  public RemoveReaction removeReaction() {
    return once(RemoveReaction.class, () -> new RemoveReaction(reactionChange()));
  }

  @Override
  public SetTyping setTyping() {
    return once(
        SetTyping.class,
        () -> new SetTyping(roomAccess(), registerCaller(), eventPublisher(), limits, clock));
  }

  @Override
  public PostReceipt postReceipt() {
    return once(
        PostReceipt.class,
        () ->
            new PostReceipt(
                storage.events(),
                storage.receipts(),
                roomAccess(),
                registerCaller(),
                eventPublisher(),
                keyedLocks(),
                clock));
  }

  // sync and live streams

  private VisibleRead visibleRead() {
    return once(
        VisibleRead.class,
        () -> new VisibleRead(storage.events(), roomAccess(), banGate(), limits, deviceSync()));
  }

  @Override
  public Sync sync() {
    return once(
        Sync.class,
        () ->
            new Sync(visibleRead(), registerCaller(), syncWaiter(), limits, executors(), observer));
  }

  @Override
  public PurgeExpiredEvents purgeExpiredEvents() {
    return once(PurgeExpiredEvents.class, () -> new PurgeExpiredEvents(storage.events(), clock));
  }

  @Override
  public OpenStream openStream() {
    return once(
        OpenStream.class,
        () ->
            new OpenStream(
                visibleRead(),
                registerCaller(),
                syncWaiter(),
                streams(),
                limits,
                observer,
                executors()));
  }

  @Override
  public IssueStreamTicket issueStreamTicket() {
    return once(
        IssueStreamTicket.class,
        () -> new IssueStreamTicket(storage.streamTickets(), limits, clock));
  }

  @Override
  public RedeemStreamTicket redeemStreamTicket() {
    return once(
        RedeemStreamTicket.class, () -> new RedeemStreamTicket(storage.streamTickets(), clock));
  }

  private PurgeExpiredTickets purgeExpiredTickets() {
    return once(
        PurgeExpiredTickets.class, () -> new PurgeExpiredTickets(storage.streamTickets(), clock));
  }

  // service-wide bans

  @Override
  public BanAccount banAccount() {
    return once(BanAccount.class, () -> new BanAccount(banChange(), clock));
  }

  @Override
  public UnbanAccount unbanAccount() {
    return once(UnbanAccount.class, () -> new UnbanAccount(banChange()));
  }

  @Override
  public ListBans listBans() {
    return once(ListBans.class, () -> new ListBans(storage.bans()));
  }

  @Override
  public ReadBanHistory readBanHistory() {
    return once(ReadBanHistory.class, () -> new ReadBanHistory(storage.bans()));
  }

  // Chat V2 players

  private GlobalRoomEvents globalRoomEvents() {
    return once(
        GlobalRoomEvents.class,
        () -> new GlobalRoomEvents(storage.rooms(), eventPublisher(), membershipChange(), clock));
  }

  @Override
  public AdmitPlayer admitPlayer() {
    return once(
        AdmitPlayer.class, () -> new AdmitPlayer(registerCaller(), placeInGlobalRoom(), clock));
  }

  @Override
  public ReadRoomUpdates readRoomUpdates() {
    return once(
        ReadRoomUpdates.class,
        () ->
            new ReadRoomUpdates(
                storage.globalRooms(),
                storage.memberships(),
                storage.rooms(),
                storage.events(),
                storage.announcements(),
                chatVisibility(),
                clock));
  }

  @Override
  public PostChatMessage postChatMessage() {
    return once(
        PostChatMessage.class,
        () ->
            new PostChatMessage(
                storage.rooms(),
                storage.events(),
                storage.hackedMessages(),
                roomAccess(),
                messagePolicy(),
                clock,
                messagePosting()));
  }

  @Override
  public PlaceInGlobalRoom placeInGlobalRoom() {
    return once(
        PlaceInGlobalRoom.class,
        () ->
            new PlaceInGlobalRoom(
                storage.activity(),
                storage.globalRooms(),
                storage.memberships(),
                globalRoomEvents(),
                ids(),
                limits,
                clock));
  }

  @Override
  public JoinGlobalRoom joinGlobalRoom() {
    return once(
        JoinGlobalRoom.class,
        () ->
            new JoinGlobalRoom(
                storage.rooms(),
                storage.memberships(),
                storage.globalRooms(),
                globalRoomEvents(),
                limits));
  }

  @Override
  public GetGlobalRoom getGlobalRoom() {
    return once(
        GetGlobalRoom.class, () -> new GetGlobalRoom(storage.rooms(), storage.globalRooms()));
  }

  @Override
  public ListGlobalRooms listGlobalRooms() {
    return once(
        ListGlobalRooms.class,
        () -> new ListGlobalRooms(storage.globalRooms(), globalRoomEvents(), limits));
  }

  @Override
  public SweepIdlePlayers sweepIdlePlayers() {
    return once(
        SweepIdlePlayers.class,
        () ->
            new SweepIdlePlayers(
                storage.activity(), storage.globalRooms(), globalRoomEvents(), clock));
  }

  @Override
  public SendDirectMessage sendDirectMessage() {
    return once(
        SendDirectMessage.class,
        () ->
            new SendDirectMessage(
                storage.rooms(),
                storage.memberships(),
                storage.dmRooms(),
                storage.events(),
                eventPublisher(),
                membershipChange(),
                messagePolicy(),
                ids(),
                limits,
                clock,
                messagePosting()));
  }

  @Override
  public LeaveDirectMessage leaveDirectMessage() {
    return once(
        LeaveDirectMessage.class,
        () -> new LeaveDirectMessage(storage.rooms(), roomAccess(), dmLifecycle()));
  }

  @Override
  public GetPreferences getPreferences() {
    return once(
        GetPreferences.class, () -> new GetPreferences(storage.preferences(), ids(), clock));
  }

  @Override
  public UpdatePreferences updatePreferences() {
    return once(
        UpdatePreferences.class,
        () -> new UpdatePreferences(storage.preferences(), ids(), limits, clock));
  }

  @Override
  public ReportMessage reportMessage() {
    return once(
        ReportMessage.class,
        () ->
            new ReportMessage(
                storage.events(),
                storage.rooms(),
                roomAccess(),
                chatVisibility(),
                reportFiling(),
                ids(),
                clock));
  }

  // Chat V2 admin

  @Override
  public Broadcast broadcast() {
    return once(
        Broadcast.class,
        () ->
            new Broadcast(
                storage.announcements(),
                storage.rooms(),
                storage.globalRooms(),
                storage.memberships(),
                registerCaller(),
                eventPublisher(),
                messagePolicy(),
                ids(),
                retention,
                clock));
  }

  @Override
  public ListReports listReports() {
    return once(ListReports.class, () -> new ListReports(storage.reports()));
  }

  @Override
  public ReviewReport reviewReport() {
    return once(ReviewReport.class, () -> new ReviewReport(storage.reports()));
  }

  @Override
  public CreatePrivateRoom createPrivateRoom() {
    return once(
        CreatePrivateRoom.class,
        () ->
            new CreatePrivateRoom(
                storage.rooms(),
                registerCaller(),
                eventPublisher(),
                membershipChange(),
                ids(),
                limits,
                keyedLocks(),
                clock));
  }

  @Override
  public UpdatePrivateRoom updatePrivateRoom() {
    return once(
        UpdatePrivateRoom.class,
        () ->
            new UpdatePrivateRoom(
                storage.rooms(),
                storage.memberships(),
                storage.events(),
                registerCaller(),
                membershipChange(),
                roomDeletion(),
                limits,
                keyedLocks()));
  }

  @Override
  public ListAdminRooms listAdminRooms() {
    return once(
        ListAdminRooms.class,
        () ->
            new ListAdminRooms(
                storage.rooms(), storage.globalRooms(), storage.memberships(), chatVisibility()));
  }

  @Override
  public ListAdminMessages listAdminMessages() {
    return once(
        ListAdminMessages.class,
        () -> new ListAdminMessages(storage.events(), storage.hackedMessages()));
  }

  @Override
  public SearchMessages searchMessages() {
    return once(SearchMessages.class, () -> new SearchMessages(storage.events()));
  }

  @Override
  public DeleteMessage deleteMessage() {
    return once(
        DeleteMessage.class, () -> new DeleteMessage(storage.events(), eventPublisher(), clock));
  }

  @Override
  public EditMessage editMessage() {
    return once(
        EditMessage.class,
        () ->
            new EditMessage(
                storage.events(),
                storage.announcements(),
                eventPublisher(),
                messagePolicy(),
                clock));
  }

  @Override
  public AdminAnnouncements adminAnnouncements() {
    return once(
        AdminAnnouncements.class,
        () -> new AdminAnnouncements(storage.announcements(), messagePolicy(), clock));
  }

  // end-to-end encryption

  private Contacts contacts() {
    return once(Contacts.class, () -> new Contacts(roomAccess()));
  }

  private DeviceActivity deviceActivity() {
    return once(DeviceActivity.class, () -> new DeviceActivity(storage.devices(), clock));
  }

  private DeviceLists deviceLists() {
    return once(
        DeviceLists.class, () -> new DeviceLists(storage.devices(), eventPublisher(), contacts()));
  }

  @Override
  public DeviceSync deviceSync() {
    return once(
        DeviceSync.class,
        () ->
            new DeviceSync(
                storage.toDeviceInbox(),
                storage.devices(),
                storage.oneTimeKeys(),
                contacts(),
                deviceActivity(),
                e2eeLimits()));
  }

  @Override
  public UploadKeys uploadKeys() {
    return once(
        UploadKeys.class,
        () ->
            new UploadKeys(
                storage.devices(),
                storage.oneTimeKeys(),
                registerCaller(),
                deviceLists(),
                e2eeLimits(),
                clock));
  }

  @Override
  public QueryKeys queryKeys() {
    return once(QueryKeys.class, () -> new QueryKeys(storage.devices(), contacts(), e2eeLimits()));
  }

  @Override
  public ClaimKeys claimKeys() {
    return once(
        ClaimKeys.class, () -> new ClaimKeys(storage.oneTimeKeys(), contacts(), e2eeLimits()));
  }

  @Override
  public KeyChanges keyChanges() {
    return once(
        KeyChanges.class, () -> new KeyChanges(storage.events(), storage.devices(), contacts()));
  }

  @Override
  public SendToDevice sendToDevice() {
    return once(
        SendToDevice.class,
        () ->
            new SendToDevice(
                storage.toDeviceInbox(),
                storage.devices(),
                eventPublisher(),
                contacts(),
                messagePolicy(),
                e2eeLimits(),
                clock));
  }

  @Override
  public ListDevices listDevices() {
    return once(ListDevices.class, () -> new ListDevices(storage.devices()));
  }

  @Override
  public DeleteDevice deleteDevice() {
    return once(
        DeleteDevice.class,
        () ->
            new DeleteDevice(
                storage.devices(),
                storage.oneTimeKeys(),
                storage.toDeviceInbox(),
                deviceLists(),
                deviceActivity()));
  }

  @Override
  public EnableEncryption enableEncryption() {
    return once(
        EnableEncryption.class,
        () ->
            new EnableEncryption(
                storage.rooms(),
                roomAccess(),
                roomViews(),
                registerCaller(),
                eventPublisher(),
                clock));
  }

  @Override
  public SendEncryptedMessage sendEncryptedMessage() {
    return once(
        SendEncryptedMessage.class,
        () ->
            new SendEncryptedMessage(
                roomAccess(), registerCaller(), messagePolicy(), e2eeLimits(), messagePosting()));
  }
}
