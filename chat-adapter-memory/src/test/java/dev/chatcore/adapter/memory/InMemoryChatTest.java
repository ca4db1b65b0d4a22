package dev.chatcore.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.embed.Chat;
import dev.chatcore.application.embed.MaintenanceTask;
import dev.chatcore.application.message.HistoryPage;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.error.RateLimitedException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedding API over in-memory storage: the facade, its gate, waiting, maintenance. */
class InMemoryChatTest {
  private final MutableClock clock = new MutableClock();
  private final Caller admin = new Caller(TestIds.account(), "game-server", true);
  private final Caller ada = Caller.player(TestIds.account(), "Ada");
  private final Caller bob = Caller.player(TestIds.account(), "Bob");
  private Chat chat;

  @AfterEach
  void close() {
    if (chat != null) chat.close();
  }

  private Chat manual() {
    chat = InMemoryChat.builder(clock).manualMaintenance().build();
    return chat;
  }

  private RoomId lobby() {
    return chat.createRoom(admin, "lobby", Optional.empty()).room().id();
  }

  @Test
  void sentMessagesComeBackInHistoryNewestFirst() {
    manual();
    RoomId lobby = lobby();
    chat.send(ada, lobby, "one");
    chat.send(bob, lobby, "two");
    HistoryPage page = chat.history(bob, lobby, Optional.empty(), Direction.BACKWARD, 10);
    assertEquals(List.of("two", "one"), texts(page.chunk()));
    assertTrue(page.end().isEmpty());
  }

  @Test
  void aWaitCompletesWhenAMessageArrivesAndHoldsNoThreadBefore() throws Exception {
    manual();
    RoomId lobby = lobby();
    EventId since = chat.head();
    CompletableFuture<SyncBatch> waiting = chat.waitForEvents(bob, since, Duration.ofSeconds(30));
    assertFalse(waiting.isDone(), "nothing new yet: the wait is held");
    assertEquals(1, chat.core().syncWaiter().heldCount());
    Event sent = chat.send(ada, lobby, "hello");
    SyncBatch batch = waiting.get(10, TimeUnit.SECONDS);
    assertEquals(List.of(sent.id()), batch.events().stream().map(Event::id).toList());
    assertEquals(sent.id(), batch.nextBatch());
  }

  @Test
  void aBannedAccountIsRefusedByEveryCallAndItsWaitIsAnswered() throws Exception {
    manual();
    RoomId lobby = lobby();
    CompletableFuture<SyncBatch> waiting =
        chat.waitForEvents(ada, chat.head(), Duration.ofSeconds(30));
    chat.ban(admin, ada.id(), Optional.of(Duration.ofMinutes(5)), "flooding");
    ExecutionException held =
        assertThrows(ExecutionException.class, () -> waiting.get(10, TimeUnit.SECONDS));
    assertInstanceOf(BannedException.class, held.getCause());
    assertThrows(BannedException.class, () -> chat.send(ada, lobby, "hi"));
    assertThrows(BannedException.class, () -> chat.rooms(ada));
    assertThrows(
        BannedException.class, () -> chat.waitForEvents(ada, chat.head(), Duration.ofSeconds(1)));
    chat.unban(admin, ada.id());
    assertEquals("back", ((EventContent.Message) chat.send(ada, lobby, "back").content()).text());
  }

  @Test
  void theBanEndsWithItsDuration() {
    manual();
    RoomId lobby = lobby();
    chat.ban(admin, ada.id(), Optional.of(Duration.ofMinutes(5)), "cool down");
    assertThrows(BannedException.class, () -> chat.send(ada, lobby, "hi"));
    clock.advance(Duration.ofMinutes(5).plusSeconds(3)); // past the ban and the gate's short cache
    chat.send(ada, lobby, "hi");
  }

  @Test
  void rateLimitIsOffByDefault() {
    manual();
    RoomId lobby = lobby();
    int over = Limits.defaults().rateLimitBurst() + 10;
    for (int i = 0; i < over; i++) chat.rooms(ada);
    chat.send(ada, lobby, "still fine");
  }

  @Test
  void rateLimitedChatRefusesAPlayerPastItsBurstWithoutEffectButNeverAnAdmin() {
    chat = InMemoryChat.builder(clock).manualMaintenance().rateLimited(true).build();
    RoomId lobby = lobby();
    int burst = Limits.defaults().rateLimitBurst();
    for (int i = 0; i < burst; i++) chat.rooms(ada);
    assertThrows(RateLimitedException.class, () -> chat.send(ada, lobby, "refused"));
    assertTrue(
        chat.history(admin, lobby, Optional.empty(), Direction.BACKWARD, 10).chunk().isEmpty(),
        "a refused call has no effect");
    for (int i = 0; i < burst + 10; i++) chat.rooms(admin);
    clock.advance(Duration.ofSeconds(10));
    chat.send(ada, lobby, "after the cooldown");
  }

  @Test
  void adminOnlyCallsRefusePlayers() {
    manual();
    assertThrows(ForbiddenException.class, () -> chat.createRoom(ada, "mine", Optional.empty()));
    assertThrows(ForbiddenException.class, () -> chat.ban(ada, bob.id(), Optional.empty(), ""));
    assertThrows(InvalidInputException.class, () -> chat.createRoom(admin, "  ", Optional.empty()));
  }

  @Test
  void roomBansKeepAPlayerOutUntilLifted() {
    manual();
    RoomId lobby = lobby();
    chat.rooms(ada);
    chat.banFromRoom(admin, lobby, ada.id());
    assertThrows(ForbiddenException.class, () -> chat.send(ada, lobby, "hi"));
    assertThrows(ForbiddenException.class, () -> chat.join(ada, lobby));
    chat.unbanFromRoom(admin, lobby, ada.id());
    chat.join(ada, lobby);
    chat.send(ada, lobby, "back");
  }

  @Test
  void directMessagesReuseTheRoomOfTheSameMemberSet() {
    manual();
    RoomId first = chat.sendDirect(ada, Set.of(bob.id()), "psst").room();
    RoomId second = chat.sendDirect(bob, Set.of(ada.id()), "what").room();
    assertEquals(first, second);
    assertEquals(
        List.of("psst", "what"),
        texts(chat.history(ada, first, Optional.empty(), Direction.FORWARD, 10).chunk()));
  }

  @Test
  void aRetriedTransactionIdReturnsTheFirstEventAndStoresNothing() {
    manual();
    RoomId lobby = lobby();
    var command =
        new SendMessage.Command(
            ada,
            lobby,
            "",
            Optional.of(new JsonObjectText("{\"emote\":\"wave\"}")),
            Optional.of("txn-1"));
    Event first = chat.send(command);
    Event retry = chat.send(command);
    assertEquals(first.id(), retry.id());
    assertEquals(
        1, chat.history(ada, lobby, Optional.empty(), Direction.BACKWARD, 10).chunk().size());
  }

  @Test
  void reactionsReceiptsAndMembersThroughTheFacade() {
    manual();
    RoomId lobby = lobby();
    EventId message = chat.send(ada, lobby, "nice").id();
    assertTrue(chat.react(bob, lobby, message, "+1").changed());
    assertFalse(chat.react(bob, lobby, message, "+1").changed(), "a repeat changes nothing");
    assertEquals(message, chat.markRead(bob, lobby, message));
    var summary =
        chat.history(ada, lobby, Optional.empty(), Direction.BACKWARD, 10).summary(message);
    assertEquals(1, summary.reactions().size());
    assertEquals(1, summary.readBy());
    assertTrue(chat.unreact(bob, lobby, message, "+1").changed());
    assertEquals(Duration.ofSeconds(3), chat.typing(bob, lobby, true));
    var members =
        chat.members(admin, lobby, Optional.empty(), 100).members().stream()
            .map(m -> m.account())
            .toList();
    assertTrue(members.containsAll(List.of(ada.id(), bob.id())), members.toString());
    chat.leave(bob, lobby);
    assertThrows(ForbiddenException.class, () -> chat.send(bob, lobby, "gone"));
    assertEquals(
        List.of(), chat.rooms(bob).stream().filter(r -> r.room().id().equals(lobby)).toList());
    chat.kick(admin, lobby, ada.id());
    assertThrows(ForbiddenException.class, () -> chat.send(ada, lobby, "kicked"));
    chat.deleteRoom(admin, lobby);
    assertThrows(NotFoundException.class, () -> chat.room(admin, lobby));
  }

  @Test
  void playersReportWhatTheySeeAndAdminsListBans() {
    manual();
    EventId rude = EventId.parse(chat.sendDirect(ada, Set.of(bob.id()), "rude").id(), "id");
    assertEquals(1, chat.report(bob, rude).reportedCount());
    assertThrows(
        InvalidInputException.class, () -> chat.report(ada, rude), "not one's own message");
    chat.ban(admin, ada.id(), Optional.empty(), "permanent");
    var page = chat.bans(admin, Optional.empty(), 0, 10);
    assertEquals(List.of(ada.id()), page.bans().stream().map(b -> b.account()).toList());
    assertEquals(0, page.remaining());
    assertThrows(InvalidInputException.class, () -> chat.bans(admin, Optional.empty(), 0, 0));
  }

  @Test
  void manualMaintenanceSweepsIdlePlayersOutOfTheirGlobalRoom() {
    chat =
        InMemoryChat.builder(clock).manualMaintenance().idleAfter(Duration.ofMinutes(10)).build();
    GlobalRoom room = chat.placeInGlobalRoom(ada);
    assertEquals(1, chat.core().storage().globalRooms().members(room.id()).size());
    clock.advance(Duration.ofMinutes(9));
    assertEquals(0, chat.maintenance().runOnce());
    assertEquals(1, chat.core().storage().globalRooms().members(room.id()).size());
    clock.advance(Duration.ofMinutes(2));
    assertEquals(0, chat.maintenance().runOnce());
    assertTrue(chat.core().storage().globalRooms().roomOf(ada.id()).isEmpty());
    assertFalse(chat.maintenance().running());
  }

  @Test
  void maintenanceRunsTheRetentionJanitor() {
    manual();
    RoomId lobby = lobby();
    chat.deleteRoom(admin, lobby);
    chat.maintenance().runOnce();
    assertTrue(chat.core().storage().rooms().find(lobby).isPresent(), "a fresh tombstone is kept");
    clock.advance(Duration.ofDays(2));
    assertEquals(0, chat.maintenance().runOnce());
    assertTrue(
        chat.core().storage().rooms().find(lobby).isEmpty(),
        "the janitor purged the old tombstone");
  }

  @Test
  void expiredTypingNoticesLeaveTheStream() {
    manual();
    RoomId lobby = lobby();
    EventId before = chat.head();
    chat.typing(ada, lobby, true);
    clock.advance(Limits.defaults().typingTimeoutMax().plusSeconds(1));
    chat.maintenance().runOnce();
    assertTrue(
        chat.core().storage().events().readAfter(before, Set.of(lobby), 100).events().isEmpty());
  }

  @Test
  void theDefaultSchedulerRunsTasksAddedLaterAndStopsOnClose() throws Exception {
    chat = InMemoryChat.create(Limits.defaults(), clock);
    assertTrue(chat.maintenance().running());
    CountDownLatch ran = new CountDownLatch(2);
    chat.maintenance().add(new MaintenanceTask("janitor", Duration.ofMillis(20), ran::countDown));
    assertTrue(ran.await(10, TimeUnit.SECONDS), "a task added after the start is scheduled");
    chat.close();
    assertFalse(chat.maintenance().running());
    assertThrows(IllegalStateException.class, () -> chat.rooms(ada));
    assertThrows(IllegalStateException.class, () -> chat.head());
  }

  @Test
  void theHostSchedulerRunsTheMaintenanceAndOutlivesTheChat() throws Exception {
    var host = Executors.newSingleThreadScheduledExecutor();
    try {
      chat = InMemoryChat.builder(clock).scheduler(host).build();
      assertTrue(chat.maintenance().running());
      CountDownLatch ran = new CountDownLatch(1);
      chat.maintenance()
          .add(
              new MaintenanceTask(
                  "probe",
                  Duration.ofMillis(10),
                  () -> {
                    assertTrue(
                        Thread.currentThread().getName().startsWith("pool-"),
                        "runs on the host's thread");
                    ran.countDown();
                  }));
      assertTrue(ran.await(10, TimeUnit.SECONDS));
      chat.close();
      assertFalse(host.isShutdown(), "the host's scheduler is the host's");
      assertTrue(host.schedule(() -> 42, 0, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS) == 42);
    } finally {
      host.shutdownNow();
    }
  }

  @Test
  void closingAnswersPendingWaitsWithNothing() throws Exception {
    manual();
    lobby();
    EventId since = chat.head();
    CompletableFuture<SyncBatch> waiting = chat.waitForEvents(bob, since, Duration.ofSeconds(30));
    chat.close();
    SyncBatch batch = waiting.get(10, TimeUnit.SECONDS);
    assertTrue(batch.events().isEmpty());
    assertEquals(since, batch.nextBatch());
  }

  /**
   * Many senders at once; a reader that always passes nextBatch gets every message exactly once, in
   * order.
   */
  @Test
  void aWaitLoopGetsEveryMessageOfConcurrentSendersExactlyOnce() throws Exception {
    manual();
    RoomId lobby = lobby();
    int senders = 8;
    int each = 50;
    EventId cursor = chat.head();
    ExecutorService pool = Executors.newFixedThreadPool(senders);
    List<Future<?>> sending = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int s = 0; s < senders; s++) {
      Caller sender = Caller.player(TestIds.account(), "p" + s);
      int n = s;
      sending.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < each; i++) chat.send(sender, lobby, n + ":" + i);
                return null;
              }));
    }
    go.countDown();
    List<Event> received = new ArrayList<>();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (received.size() < senders * each && System.nanoTime() < deadline) {
      SyncBatch batch =
          chat.waitForEvents(bob, cursor, Duration.ofSeconds(5)).get(30, TimeUnit.SECONDS);
      for (Event e : batch.events()) if (e.isMessage()) received.add(e);
      cursor = batch.nextBatch();
    }
    for (Future<?> f : sending) f.get(10, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(senders * each, received.size());
    assertEquals(
        senders * each,
        new HashSet<>(received.stream().map(Event::id).toList()).size(),
        "no duplicates");
    for (int s = 0; s < senders; s++) {
      String prefix = s + ":";
      List<String> mine = texts(received).stream().filter(t -> t.startsWith(prefix)).toList();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < each; i++) expected.add(prefix + i);
      assertEquals(expected, mine, "sender " + s + " in its order");
    }
    for (int i = 1; i < received.size(); i++) {
      assertTrue(received.get(i).id().isAfter(received.get(i - 1).id()), "stream order");
    }
  }

  private static List<String> texts(List<Event> events) {
    return events.stream().map(e -> ((EventContent.Message) e.content()).text()).toList();
  }
}
