package dev.chatcore.application;

import dev.chatcore.application.account.GetMe;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.health.CheckReadiness;
import dev.chatcore.application.invite.BootstrapAdmin;
import dev.chatcore.application.invite.CreateInvite;
import dev.chatcore.application.invite.ListInvites;
import dev.chatcore.application.invite.RedeemInvite;
import dev.chatcore.application.invite.RevokeInvite;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.room.DeleteRoom;
import dev.chatcore.application.room.GetRoom;
import dev.chatcore.application.room.ListRooms;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.room.RoomViews;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.application.sync.SyncWaiter;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.port.EventFeed;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The whole chat core, wired by hand: the plain-Java factory for hosts without a container
 * (the server's Dagger component takes its services from here too, so the two cannot drift).
 *
 * <p>Subscribes to the storage's {@link EventFeed}, so that events appended on other nodes wake
 * the syncs held here. Owns two small executors: virtual threads for sync reads after a
 * wake-up, and one timer thread for sync timeouts. {@link #close()} answers every held sync and stops both; it does
 * not close the storage, which the caller owns.
 */
public final class ChatCore implements AutoCloseable {
  private final ChatStorage storage;
  private final Limits limits;
  private final SyncWaiter waiter;
  private final ExecutorService syncReads = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledThreadPoolExecutor timer;
  private final EventFeed.Subscription feed;

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

  private ChatCore(ChatStorage storage, Limits limits, Clock clock) {
    this.storage = storage;
    this.limits = limits;
    this.waiter = new SyncWaiter(limits.heldSyncsPerAccount());
    this.timer = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "chat-sync-timer");
      t.setDaemon(true);
      return t;
    });
    timer.setRemoveOnCancelPolicy(true);
    IdGenerator ids = new IdGenerator(clock);
    MessagePolicy messagePolicy = new MessagePolicy(limits);
    RoomAccess access = new RoomAccess(storage);
    RoomViews views = new RoomViews(storage);
    EventPublisher publisher = new EventPublisher(storage, waiter);

    this.registerCaller = new RegisterCaller(storage, clock);
    this.getMe = new GetMe(registerCaller);
    this.checkReadiness = new CheckReadiness(storage);
    this.createInvite = new CreateInvite(storage, clock);
    this.listInvites = new ListInvites(storage);
    this.revokeInvite = new RevokeInvite(storage);
    this.redeemInvite = new RedeemInvite(storage, ids, clock);
    this.bootstrapAdmin = new BootstrapAdmin(storage, clock);
    this.listRooms = new ListRooms(access, views, registerCaller);
    this.getRoom = new GetRoom(access, views, registerCaller);
    this.createRoom = new CreateRoom(storage, publisher, views, registerCaller, ids, limits, clock);
    this.deleteRoom = new DeleteRoom(storage, publisher, clock);
    this.sendMessage = new SendMessage(access, registerCaller, publisher, messagePolicy, clock);
    this.readHistory = new ReadHistory(storage, access, limits);
    this.sync = new Sync(storage, access, registerCaller, waiter, limits, syncReads, timer);
    this.feed = storage.feed().subscribe(this::wakeFromFeed);
  }

  /** Events appended on other nodes (or readable only now) wake the syncs held here. */
  private void wakeFromFeed(java.util.Set<dev.chatcore.domain.id.RoomId> rooms,
      java.util.Set<dev.chatcore.domain.id.AccountId> accounts) {
    rooms.forEach(waiter::wakeRoom);
    accounts.forEach(waiter::wakeAccount);
  }

  /**
   * Builds a core over {@code storage}.
   *
   * @param clock the time source of every use case (tests pass a mutable clock)
   */
  public static ChatCore create(ChatStorage storage, Limits limits, Clock clock) {
    return new ChatCore(storage, limits, clock);
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

  /** Answers every held sync, then stops the core's executors. Idempotent. */
  @Override
  public void close() {
    feed.close();
    waiter.shutdown();
    timer.shutdownNow();
    syncReads.shutdown();
    try {
      syncReads.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
