package dev.chatcore.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.chat.LastRead;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.application.message.HistoryPage;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.moderation.BanAccount;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.room.RoomView;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventType;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.Await;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whole-core behaviour that every storage must support: sync never skips or repeats, retries are
 * idempotent, history pages cleanly, held syncs wake, time out and release. Each storage adapter
 * runs it by supplying a fresh storage.
 */
public abstract class ChatCoreContract {
  /** Limits with a short minimum sync timeout, so timeout tests take milliseconds. */
  protected static final Limits LIMITS = withSyncMin(Limits.defaults(), Duration.ofMillis(20));

  private static final Duration WAIT = Duration.ofSeconds(30);

  protected ChatCore core;
  protected final MutableClock clock = new MutableClock();
  protected final Caller admin = new Caller(TestIds.account(), "admin", true);
  protected final Caller alice = Caller.player(TestIds.account(), "alice");
  protected final Caller bob = Caller.player(TestIds.account(), "bob");
  private ChatStorage storage;

  /**
   * A fresh, empty storage for every test; closed after it. Its event log must expire events by
   * {@link #clock} (messages carry an expiry by room type, so a log on another clock could see them
   * expired already).
   */
  protected abstract ChatStorage newStorage();

  @BeforeEach
  void startCore() {
    storage = newStorage();
    core = ChatCore.create(storage, LIMITS, clock);
  }

  @AfterEach
  void stopCore() {
    core.close();
    storage.close();
  }

  static Limits withSyncMin(Limits d, Duration min) {
    return d.withSyncTimeoutMin(min);
  }

  protected RoomId channel(String name) {
    return core.createRoom()
        .create(new CreateRoom.Command(admin, name, Optional.empty()))
        .room()
        .id();
  }

  protected Event send(Caller who, RoomId room, String text) {
    return core.sendMessage()
        .send(new SendMessage.Command(who, room, text, Optional.empty(), Optional.empty()));
  }

  /**
   * A sync where events are waiting: held long, so it answers as soon as they are readable and
   * never from a timer that races the read on a loaded machine.
   */
  protected SyncBatch syncWaiting(Caller who, EventId since) throws Exception {
    return sync(who, since, WAIT, Optional.empty()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  /** A sync expected to find nothing: it answers empty after the shortest timeout. */
  protected SyncBatch syncNow(Caller who, EventId since) throws Exception {
    return sync(who, since, Duration.ofMillis(20), Optional.empty())
        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  protected CompletableFuture<SyncBatch> sync(
      Caller who, EventId since, Duration timeout, Optional<Set<RoomId>> filter) {
    return core.sync().sync(new Sync.Command(who, since, timeout, filter));
  }

  /**
   * Any player can send these; every store must take them (a Mongo date is milliseconds in a long).
   */
  @Test
  void aLastReadAsLateAsALongHoldsMatchesNothing() {
    var global = core.placeInGlobalRoom().place(alice.id());
    core.postChatMessage()
        .post(new PostChatMessage.Command(alice, global.id(), "hello", Optional.empty()));
    for (long lastRead : new long[] {Long.MAX_VALUE, LastRead.MILLIS_THRESHOLD - 1}) {
      var updates =
          core.readRoomUpdates()
              .read(
                  new ReadRoomUpdates.Query(
                      alice, LastRead.of(Optional.of(lastRead), clock.instant())));
      assertEquals(List.of(), updates.rooms().getFirst().unread(), "lastRead " + lastRead);
    }
  }

  @Test
  void channelsIncludeAccountsThatAppearLater() {
    RoomId room = channel("lobby");
    Event event = send(bob, room, "hi, I am new");
    List<RoomView> rooms = core.listRooms().list(alice);
    assertEquals(List.of(room), rooms.stream().map(v -> v.room().id()).toList());
    assertEquals(Optional.of(event.id()), rooms.get(0).head());
    assertEquals(3, rooms.get(0).memberCount(), "admin, bob and alice");
  }

  @Test
  void unreadCountsOthersMessagesSinceTheCallerAppeared() {
    RoomId room = channel("lobby");
    send(bob, room, "before alice");
    assertEquals(0, core.listRooms().list(alice).get(0).unreadCount(), "a new user starts at 0");
    send(bob, room, "one");
    send(alice, room, "mine");
    send(bob, room, "two");
    assertEquals(2, core.listRooms().list(alice).get(0).unreadCount());
  }

  @Test
  void retryWithSameTxnIdReturnsSameEvent() throws Exception {
    RoomId room = channel("lobby");
    SendMessage.Command command =
        new SendMessage.Command(alice, room, "once", Optional.empty(), Optional.of("txn-1"));
    Event first = core.sendMessage().send(command);
    Event retry = core.sendMessage().send(command);
    assertEquals(first.id(), retry.id());
    SyncBatch batch = syncNow(alice, first.id());
    assertTrue(batch.events().isEmpty(), "the retry stored nothing new");
  }

  @Test
  void messageRulesAreEnforced() {
    RoomId room = channel("lobby");
    assertThrows(InvalidInputException.class, () -> send(alice, room, "   "));
    assertThrows(
        InvalidInputException.class,
        () -> send(alice, room, "x".repeat(LIMITS.messageTextMaxChars() + 1)));
    Event contextOnly =
        core.sendMessage()
            .send(
                new SendMessage.Command(
                    alice,
                    room,
                    "  ",
                    Optional.of(new JsonObjectText("{\"sticker\":7}")),
                    Optional.empty()));
    assertEquals(EventType.MESSAGE, contextOnly.type());
    String bigContext = "{\"k\":\"" + "x".repeat(LIMITS.messageContextMaxBytes()) + "\"}";
    assertThrows(
        InvalidInputException.class,
        () ->
            core.sendMessage()
                .send(
                    new SendMessage.Command(
                        alice,
                        room,
                        "x",
                        Optional.of(new JsonObjectText(bigContext)),
                        Optional.empty())));
    assertThrows(NotFoundException.class, () -> send(alice, TestIds.room(), "nowhere"));
  }

  @Test
  void onlyAdminsCreateAndDeleteRooms() {
    assertThrows(
        ForbiddenException.class,
        () -> core.createRoom().create(new CreateRoom.Command(alice, "mine", Optional.empty())));
    RoomId room = channel("lobby");
    assertThrows(ForbiddenException.class, () -> core.deleteRoom().delete(alice, room));
    assertThrows(
        InvalidInputException.class,
        () -> core.createRoom().create(new CreateRoom.Command(admin, " ", Optional.empty())));
  }

  @Test
  void walkingHistoryBackThenForwardReturnsEachMessageOnceInOrder() {
    RoomId room = channel("lobby");
    List<EventId> sent = new ArrayList<>();
    for (int i = 0; i < 23; i++) sent.add(send(i % 2 == 0 ? alice : bob, room, "m" + i).id());
    List<EventId> backward = new ArrayList<>();
    Optional<EventId> from = Optional.empty();
    do {
      HistoryPage page =
          core.readHistory()
              .read(
                  new ReadHistory.Query(alice, room, from, Direction.BACKWARD, OptionalInt.of(5)));
      page.chunk().forEach(e -> backward.add(e.id()));
      from = page.end();
    } while (from.isPresent());
    List<EventId> reversed = new ArrayList<>(sent);
    Collections.reverse(reversed);
    assertEquals(reversed, backward);

    List<EventId> forward = new ArrayList<>();
    from = Optional.empty();
    do {
      HistoryPage page =
          core.readHistory()
              .read(new ReadHistory.Query(alice, room, from, Direction.FORWARD, OptionalInt.of(7)));
      page.chunk().forEach(e -> forward.add(e.id()));
      from = page.end();
    } while (from.isPresent());
    assertEquals(sent, forward);
  }

  @Test
  void historyEndIsEmptyExactlyWhenNothingIsLeft() {
    RoomId room = channel("lobby");
    send(alice, room, "a");
    send(alice, room, "b");
    HistoryPage exact =
        core.readHistory()
            .read(
                new ReadHistory.Query(
                    alice, room, Optional.empty(), Direction.BACKWARD, OptionalInt.of(2)));
    assertEquals(2, exact.chunk().size());
    assertEquals(Optional.empty(), exact.end());
    assertThrows(
        InvalidInputException.class,
        () ->
            core.readHistory()
                .read(
                    new ReadHistory.Query(
                        alice, room, Optional.empty(), Direction.BACKWARD, OptionalInt.of(0))));
    HistoryPage clamped =
        core.readHistory()
            .read(
                new ReadHistory.Query(
                    alice, room, Optional.empty(), Direction.BACKWARD, OptionalInt.of(10_000)));
    assertEquals(2, clamped.chunk().size());
  }

  @Test
  void syncReturnsWaitingEventsAtOnceInStreamOrder() throws Exception {
    RoomId a = channel("a");
    RoomId b = channel("b");
    EventId start = core.storage().events().head();
    Event one = send(alice, a, "1");
    Event two = send(bob, b, "2");
    SyncBatch batch = syncWaiting(alice, start);
    assertEquals(List.of(one.id(), two.id()), batch.events().stream().map(Event::id).toList());
    assertEquals(two.id(), batch.nextBatch());
    assertFalse(batch.limited());
  }

  @Test
  void syncFilterNarrowsToTheGivenRooms() throws Exception {
    RoomId a = channel("a");
    RoomId b = channel("b");
    EventId start = core.storage().events().head();
    send(alice, a, "1");
    Event two = send(bob, b, "2");
    SyncBatch batch =
        sync(alice, start, WAIT, Optional.of(Set.of(b))).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertEquals(List.of(two.id()), batch.events().stream().map(Event::id).toList());
  }

  @Test
  void syncIsLimitedToTheBatchMax() throws Exception {
    RoomId room = channel("lobby");
    EventId start = core.storage().events().head();
    for (int i = 0; i < LIMITS.syncBatchMax() + 5; i++) send(alice, room, "m" + i);
    SyncBatch first = syncWaiting(bob, start);
    assertEquals(LIMITS.syncBatchMax(), first.events().size());
    assertTrue(first.limited());
    SyncBatch rest = syncWaiting(bob, first.nextBatch());
    assertEquals(5, rest.events().size());
    assertFalse(rest.limited());
  }

  @Test
  void heldSyncIsAnsweredByTheNextPost() throws Exception {
    RoomId room = channel("lobby");
    EventId start = core.storage().events().head();
    CompletableFuture<SyncBatch> held =
        sync(alice, start, Duration.ofSeconds(30), Optional.empty());
    assertFalse(held.isDone());
    awaitHeld(1);
    Event posted = send(bob, room, "wake up");
    SyncBatch batch = held.get(30, TimeUnit.SECONDS);
    assertEquals(List.of(posted.id()), batch.events().stream().map(Event::id).toList());
  }

  @Test
  void postInAnotherRoomDoesNotAnswerAFilteredSync() throws Exception {
    RoomId watched = channel("watched");
    RoomId other = channel("other");
    EventId start = core.storage().events().head();
    CompletableFuture<SyncBatch> held =
        sync(alice, start, Duration.ofSeconds(30), Optional.of(Set.of(watched)));
    awaitHeld(1);
    send(bob, other, "not for you");
    Event wanted = send(bob, watched, "for you");
    SyncBatch batch = held.get(30, TimeUnit.SECONDS);
    assertEquals(List.of(wanted.id()), batch.events().stream().map(Event::id).toList());
  }

  @Test
  void heldSyncTimesOutWithAnEmptyBatchAtItsCursor() throws Exception {
    channel("quiet");
    EventId start = core.storage().events().head();
    SyncBatch batch =
        sync(alice, start, Duration.ofMillis(50), Optional.empty()).get(30, TimeUnit.SECONDS);
    assertTrue(batch.events().isEmpty());
    assertEquals(start, batch.nextBatch());
    awaitHeld(0);
  }

  @Test
  void aFifthHeldSyncAnswersTheOldest() throws Exception {
    channel("lobby");
    EventId start = core.storage().events().head();
    List<CompletableFuture<SyncBatch>> held = new ArrayList<>();
    for (int i = 0; i < LIMITS.heldSyncsPerAccount(); i++) {
      held.add(sync(alice, start, Duration.ofSeconds(30), Optional.empty()));
      awaitHeld(i + 1);
    }
    CompletableFuture<SyncBatch> fifth =
        sync(alice, start, Duration.ofSeconds(30), Optional.empty());
    assertTrue(
        held.get(0).get(30, TimeUnit.SECONDS).events().isEmpty(), "the oldest is answered, empty");
    assertFalse(fifth.isDone());
    assertEquals(LIMITS.heldSyncsPerAccount(), core.syncWaiter().heldCount());
  }

  @Test
  void cancelledSyncReleasesItsWaiter() throws Exception {
    channel("lobby");
    CompletableFuture<SyncBatch> held =
        sync(alice, core.storage().events().head(), Duration.ofSeconds(30), Optional.empty());
    awaitHeld(1);
    held.cancel(false);
    awaitHeld(0);
  }

  @Test
  void closingTheCoreAnswersEveryHeldSync() throws Exception {
    channel("lobby");
    EventId start = core.storage().events().head();
    CompletableFuture<SyncBatch> a = sync(alice, start, Duration.ofSeconds(30), Optional.empty());
    CompletableFuture<SyncBatch> b = sync(bob, start, Duration.ofSeconds(30), Optional.empty());
    awaitHeld(2);
    core.close();
    assertTrue(a.get(30, TimeUnit.SECONDS).events().isEmpty());
    assertTrue(b.get(30, TimeUnit.SECONDS).events().isEmpty());
  }

  /**
   * Gated: the core closes while a sync, parked already, reads once more (its read after parking is
   * paused at the head). The wake-up it then attaches cannot run on the closed core's reads; it is
   * still answered, empty, like every held sync at shutdown.
   */
  @Test
  void aSyncReadingAgainAfterParkingWhenTheCoreClosesIsAnswered() throws Exception {
    PausedSync paused = syncPausedAfterParking();
    paused.core().close();
    paused.gate().release();
    assertTrue(paused.held().get(30, TimeUnit.SECONDS).events().isEmpty());
  }

  /** Control twin: the same pause without a close leaves the sync held until a message comes. */
  @Test
  void aSyncReadingAgainAfterParkingWithoutACloseWaitsForTheNextMessage() throws Exception {
    PausedSync paused = syncPausedAfterParking();
    paused.gate().release();
    assertFalse(paused.held().isDone());
    Event wake =
        paused
            .core()
            .sendMessage()
            .send(
                new SendMessage.Command(
                    alice, paused.room(), "wake", Optional.empty(), Optional.empty()));
    assertEquals(
        List.of(wake.id()),
        paused.held().get(30, TimeUnit.SECONDS).events().stream().map(Event::id).toList());
    paused.core().close();
  }

  /**
   * A ban issued after a sync passed the gate and before it parks signals nobody: the sync asks the
   * gate once parked, and is refused then rather than at its timeout.
   */
  @Test
  void aBanBeforeTheSyncParksRefusesItAtOnce() throws Exception {
    PausedSync paused = syncPausedBeforeParking();
    try {
      paused
          .core()
          .banAccount()
          .ban(new BanAccount.Command(admin, alice.id(), Optional.empty(), "rude"));
      paused.gate().release();
      ExecutionException refused =
          assertThrows(ExecutionException.class, () -> paused.held().get(10, TimeUnit.SECONDS));
      assertInstanceOf(BannedException.class, refused.getCause());
    } finally {
      paused.core().close();
    }
  }

  /** Control twin: the same pause without a ban parks the sync, which then waits for a message. */
  @Test
  void aSyncPausedBeforeParkingWithoutABanParksAndWaits() throws Exception {
    PausedSync paused = syncPausedBeforeParking();
    try {
      GatedStorage.Gate afterParking = paused.gates().arm("EventLog.readAfter");
      paused.gate().release();
      afterParking.awaitReached();
      assertEquals(1, paused.core().syncWaiter().heldCount(), "parked");
      afterParking.release();
      Event wake =
          paused
              .core()
              .sendMessage()
              .send(
                  new SendMessage.Command(
                      alice, paused.room(), "wake", Optional.empty(), Optional.empty()));
      assertEquals(
          List.of(wake.id()),
          paused.held().get(30, TimeUnit.SECONDS).events().stream().map(Event::id).toList());
    } finally {
      paused.core().close();
    }
  }

  /**
   * Alice's sync on a second core over a gated view of the same storage, paused at its first read.
   */
  private PausedSync syncPausedBeforeParking() throws Exception {
    RoomId room = channel("lobby");
    GatedStorage gates = new GatedStorage();
    ChatCore gated = ChatCore.create(gates.wrap(storage), LIMITS, clock);
    GatedStorage.Gate firstRead = gates.arm("EventLog.readAfter");
    CompletableFuture<SyncBatch> held = syncOnPausableThread(gated, core.storage().events().head());
    firstRead.awaitReached();
    return new PausedSync(gated, gates, room, firstRead, held);
  }

  private record PausedSync(
      ChatCore core,
      GatedStorage gates,
      RoomId room,
      GatedStorage.Gate gate,
      CompletableFuture<SyncBatch> held) {}

  /**
   * Alice's sync on a second core over a gated view of the same storage, paused at its read after
   * parking (its second read of the events).
   */
  private PausedSync syncPausedAfterParking() throws Exception {
    RoomId room = channel("lobby");
    EventId start = core.storage().events().head();
    GatedStorage gates = new GatedStorage();
    ChatCore gated = ChatCore.create(gates.wrap(storage), LIMITS, clock);
    GatedStorage.Gate afterParking = gates.arm("EventLog.readAfter", 1);
    CompletableFuture<SyncBatch> held = syncOnPausableThread(gated, start);
    afterParking.awaitReached();
    assertEquals(1, gated.syncWaiter().heldCount(), "paused after parking");
    return new PausedSync(gated, gates, room, afterParking, held);
  }

  /** Alice's 30 s sync on {@code on}, from a virtual thread whose port calls may pause. */
  private CompletableFuture<SyncBatch> syncOnPausableThread(ChatCore on, EventId since) {
    Sync.Command command = new Sync.Command(alice, since, Duration.ofSeconds(30), Optional.empty());
    CompletableFuture<SyncBatch> held = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () ->
                GatedStorage.pausable(
                    () ->
                        on.sync()
                            .sync(command)
                            .whenComplete(
                                (batch, failure) -> {
                                  if (failure != null) held.completeExceptionally(failure);
                                  else held.complete(batch);
                                })));
    return held;
  }

  @Test
  void deletedRoomTellsItsMembersThenDisappears() throws Exception {
    RoomId room = channel("doomed");
    send(alice, room, "last words");
    EventId start = core.storage().events().head();
    core.deleteRoom().delete(admin, room);
    SyncBatch batch = syncWaiting(alice, start);
    assertEquals(
        List.of(EventType.ROOM_DELETED), batch.events().stream().map(Event::type).toList());
    assertThrows(NotFoundException.class, () -> core.getRoom().get(alice, room));
    assertThrows(NotFoundException.class, () -> send(alice, room, "too late"));
    assertTrue(core.listRooms().list(alice).isEmpty());
    assertTrue(syncNow(alice, batch.nextBatch()).events().isEmpty());
  }

  @Test
  void invitesCreateAccountsAndRefuseEveryBadCodeAlike() {
    var invite = core.createInvite().create(admin, 1, Duration.ofHours(1));
    var account = core.redeemInvite().redeem(invite.code(), "Newcomer");
    assertEquals("Newcomer", account.displayName());
    assertFalse(account.admin());
    InvalidInputException used =
        assertThrows(
            InvalidInputException.class, () -> core.redeemInvite().redeem(invite.code(), "Again"));
    InvalidInputException unknown =
        assertThrows(
            InvalidInputException.class,
            () -> core.redeemInvite().redeem("ffffffffffffffffffffffff", "Who"));
    var revoked = core.createInvite().create(admin, 5, Duration.ofHours(1));
    core.revokeInvite().revoke(admin, revoked.code());
    InvalidInputException revokedError =
        assertThrows(
            InvalidInputException.class, () -> core.redeemInvite().redeem(revoked.code(), "Late"));
    var expiring = core.createInvite().create(admin, 5, Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(11));
    InvalidInputException expired =
        assertThrows(
            InvalidInputException.class,
            () -> core.redeemInvite().redeem(expiring.code(), "Later"));
    assertEquals(used.getMessage(), unknown.getMessage());
    assertEquals(used.getMessage(), revokedError.getMessage());
    assertEquals(used.getMessage(), expired.getMessage());
    assertThrows(
        ForbiddenException.class, () -> core.createInvite().create(alice, 1, Duration.ofHours(1)));
  }

  @Test
  void firstAdminInviteIsOfferedUntilAnAdminExists() {
    var invite = core.bootstrapAdmin().adminInvite().orElseThrow();
    assertEquals(
        invite,
        core.bootstrapAdmin().adminInvite().orElseThrow(),
        "the same pending invite, not a new one");
    var first = core.redeemInvite().redeem(invite.code(), "root");
    assertTrue(first.admin());
    assertEquals(Optional.empty(), core.bootstrapAdmin().adminInvite());
  }

  /**
   * The guarantee of SPEC §3: under concurrent writers, a client that always passes {@code
   * next_batch} receives every event it may see exactly once, in one order.
   */
  @Test
  void syncNeverSkipsOrRepeatsUnderConcurrentWriters() throws Exception {
    List<RoomId> rooms = List.of(channel("r1"), channel("r2"), channel("r3"));
    EventId start = core.storage().events().head();
    int writers = 6;
    int perWriter = 80;
    int readers = 4;
    ExecutorService pool = Executors.newFixedThreadPool(writers + readers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<EventId>>> writes = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      Caller writer = Caller.player(TestIds.account(), "writer" + w);
      RoomId room = rooms.get(w % rooms.size());
      writes.add(
          pool.submit(
              () -> {
                go.await();
                List<EventId> mine = new ArrayList<>();
                for (int i = 0; i < perWriter; i++) mine.add(send(writer, room, "w" + i).id());
                return mine;
              }));
    }
    int total = writers * perWriter;
    List<Future<List<EventId>>> reads = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      Caller reader = Caller.player(TestIds.account(), "reader" + r);
      reads.add(
          pool.submit(
              () -> {
                go.await();
                List<EventId> seen = new ArrayList<>();
                EventId cursor = start;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (seen.size() < total && System.nanoTime() < deadline) {
                  SyncBatch batch =
                      sync(reader, cursor, Duration.ofSeconds(2), Optional.empty())
                          .get(30, TimeUnit.SECONDS);
                  for (Event e : batch.events()) seen.add(e.id());
                  assertFalse(
                      batch.nextBatch().compareTo(cursor) < 0, "next_batch never moves backwards");
                  cursor = batch.nextBatch();
                }
                return seen;
              }));
    }
    go.countDown();
    List<EventId> expected = new ArrayList<>();
    for (Future<List<EventId>> w : writes) expected.addAll(w.get(60, TimeUnit.SECONDS));
    expected.sort(null);
    for (Future<List<EventId>> r : reads) assertEquals(expected, r.get(90, TimeUnit.SECONDS));
    pool.shutdown();
    assertNotEquals(0, expected.size());
  }

  /** Waits (bounded) until exactly {@code n} syncs are held. */
  protected void awaitHeld(int n) {
    Await.until(
        () -> core.syncWaiter().heldCount() == n,
        () -> n + " held syncs (have " + core.syncWaiter().heldCount() + ")");
  }
}
