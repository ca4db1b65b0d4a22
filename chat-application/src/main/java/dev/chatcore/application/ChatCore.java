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
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.application.dm.LeaveDirectMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.e2ee.ClaimKeys;
import dev.chatcore.application.e2ee.DeleteDevice;
import dev.chatcore.application.e2ee.DeviceSync;
import dev.chatcore.application.e2ee.EnableEncryption;
import dev.chatcore.application.e2ee.KeyChanges;
import dev.chatcore.application.e2ee.ListDevices;
import dev.chatcore.application.e2ee.QueryKeys;
import dev.chatcore.application.e2ee.SendEncryptedMessage;
import dev.chatcore.application.e2ee.SendToDevice;
import dev.chatcore.application.e2ee.UploadKeys;
import dev.chatcore.application.globalroom.GetGlobalRoom;
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
import dev.chatcore.application.member.UnbanMember;
import dev.chatcore.application.message.MessageAggregates;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.moderation.BanAccount;
import dev.chatcore.application.moderation.BanGate;
import dev.chatcore.application.moderation.CallGate;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.application.moderation.ListBans;
import dev.chatcore.application.moderation.RateLimiter;
import dev.chatcore.application.moderation.ReadBanHistory;
import dev.chatcore.application.moderation.UnbanAccount;
import dev.chatcore.application.preferences.GetPreferences;
import dev.chatcore.application.preferences.UpdatePreferences;
import dev.chatcore.application.reaction.AddReaction;
import dev.chatcore.application.reaction.RemoveReaction;
import dev.chatcore.application.receipt.PostReceipt;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.application.retention.Janitor;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.room.DeleteRoom;
import dev.chatcore.application.room.GetRoom;
import dev.chatcore.application.room.ListRooms;
import dev.chatcore.application.stream.IssueStreamTicket;
import dev.chatcore.application.stream.OpenStream;
import dev.chatcore.application.stream.RedeemStreamTicket;
import dev.chatcore.application.stream.StreamRegistry;
import dev.chatcore.application.sync.PurgeExpiredEvents;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.application.sync.SyncWaiter;
import dev.chatcore.application.typing.SetTyping;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.retention.Retention;
import java.time.Clock;
import java.util.Objects;

/**
 * The whole chat core: every use case, and the parts its hosts need (storage, limits, the held
 * syncs and open streams, the background runtime). Two assemblies implement it and build the same
 * graph: {@link #create} wires it by hand, for embedders and tests (no container); the server's
 * Dagger component builds it from the {@code @Inject} constructors. A test in the server compares
 * the two graphs object by object.
 *
 * <p>A use case is got once, by whoever assembles the adapters (the routes, the embedding facade);
 * under Dagger a use case without a scope is built anew at each call. Shared state lives only in
 * {@code @Singleton} classes, one per core in both assemblies.
 *
 * <p>{@link #close()} answers every held sync, ends every stream and stops the core's executors; it
 * does not close the storage, which the caller owns.
 */
public interface ChatCore extends AutoCloseable {

  // The core's parts that are not use cases
  /** The storage the core runs on; the caller owns it (closing the core does not close it). */
  ChatStorage storage();

  Limits limits();

  Retention retention();

  E2eeLimits e2eeLimits();

  /** Every sync held on this node, and what wakes them. */
  SyncWaiter syncWaiter();

  /** Every live stream open on this node (per-account cap, lifetimes, keep-alives). */
  StreamRegistry streams();

  /** The background work: the event-feed subscription, the streams' tick, the purges. */
  CoreRuntime runtime();

  /** The retention janitor; the host runs it on a schedule (the core does not). */
  Janitor janitor();

  BanGate banGate();

  RateLimiter rateLimiter();

  /** The ban check and rate limit every way in passes before a use case runs. */
  CallGate callGate();

  RegisterCaller registerCaller();

  MessageAggregates messageAggregates();

  // Accounts, invites and health
  GetMe getMe();

  CheckReadiness checkReadiness();

  CreateInvite createInvite();

  ListInvites listInvites();

  RevokeInvite revokeInvite();

  RedeemInvite redeemInvite();

  BootstrapAdmin bootstrapAdmin();

  // Rooms, messages and members ({@code /v1})
  ListRooms listRooms();

  GetRoom getRoom();

  CreateRoom createRoom();

  DeleteRoom deleteRoom();

  SendMessage sendMessage();

  ReadHistory readHistory();

  JoinRoom joinRoom();

  LeaveRoom leaveRoom();

  ListMembers listMembers();

  KickMember kickMember();

  BanMember banMember();

  UnbanMember unbanMember();

  AddReaction addReaction();

  RemoveReaction removeReaction();

  SetTyping setTyping();

  PostReceipt postReceipt();

  // Sync and live streams
  Sync sync();

  PurgeExpiredEvents purgeExpiredEvents();

  OpenStream openStream();

  IssueStreamTicket issueStreamTicket();

  RedeemStreamTicket redeemStreamTicket();

  // Service-wide bans (admin)
  BanAccount banAccount();

  UnbanAccount unbanAccount();

  ListBans listBans();

  ReadBanHistory readBanHistory();

  // Chat V2 players ({@code /chat})
  AdmitPlayer admitPlayer();

  ReadRoomUpdates readRoomUpdates();

  PostChatMessage postChatMessage();

  PlaceInGlobalRoom placeInGlobalRoom();

  JoinGlobalRoom joinGlobalRoom();

  GetGlobalRoom getGlobalRoom();

  ListGlobalRooms listGlobalRooms();

  SweepIdlePlayers sweepIdlePlayers();

  SendDirectMessage sendDirectMessage();

  LeaveDirectMessage leaveDirectMessage();

  GetPreferences getPreferences();

  UpdatePreferences updatePreferences();

  ReportMessage reportMessage();

  // Chat V2 admin ({@code /chat/admin})
  Broadcast broadcast();

  ListReports listReports();

  ReviewReport reviewReport();

  CreatePrivateRoom createPrivateRoom();

  UpdatePrivateRoom updatePrivateRoom();

  ListAdminRooms listAdminRooms();

  ListAdminMessages listAdminMessages();

  SearchMessages searchMessages();

  DeleteMessage deleteMessage();

  EditMessage editMessage();

  AdminAnnouncements adminAnnouncements();

  // End-to-end encryption
  DeviceSync deviceSync();

  UploadKeys uploadKeys();

  QueryKeys queryKeys();

  ClaimKeys claimKeys();

  KeyChanges keyChanges();

  SendToDevice sendToDevice();

  ListDevices listDevices();

  DeleteDevice deleteDevice();

  EnableEncryption enableEncryption();

  SendEncryptedMessage sendEncryptedMessage();

  /** Answers every held sync and ends every stream, then stops the core's executors. Idempotent. */
  @Override
  default void close() {
    runtime().close();
  }

  /**
   * Builds a core over {@code storage}.
   *
   * @param clock the time source of every use case (tests pass a mutable clock)
   */
  static ChatCore create(ChatStorage storage, Limits limits, Clock clock) {
    return create(storage, limits, SpamPolicy.defaults(), Retention.defaults(), clock);
  }

  /** Builds a core with a spam policy other than the default. */
  static ChatCore create(ChatStorage storage, Limits limits, SpamPolicy spamPolicy, Clock clock) {
    return create(storage, limits, spamPolicy, Retention.defaults(), clock);
  }

  /** Builds a core with its own spam policy and retention table. */
  static ChatCore create(
      ChatStorage storage, Limits limits, SpamPolicy spamPolicy, Retention retention, Clock clock) {
    return create(storage, limits, spamPolicy, retention, ContentModeration.none(), clock);
  }

  /**
   * Builds a core with the host's moderation: its content filter and report alerts (the other
   * overloads allow every message and send no alert).
   */
  static ChatCore create(
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
  static ChatCore create(
      ChatStorage storage,
      Limits limits,
      SpamPolicy spamPolicy,
      Retention retention,
      ContentModeration contentModeration,
      Clock clock,
      ChatObserver observer) {
    return HandWiredCore.started(
        storage,
        limits,
        spamPolicy,
        retention,
        contentModeration,
        clock,
        Objects.requireNonNull(observer));
  }
}
