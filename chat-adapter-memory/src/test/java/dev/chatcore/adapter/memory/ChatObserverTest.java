package dev.chatcore.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.embed.Chat;
import dev.chatcore.application.embed.EventSubscription;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.RateLimitedException;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The core tells its observer, given through the embedding builder, what only it sees. */
class ChatObserverTest {
  private final MutableClock clock = new MutableClock();
  private final Caller admin = new Caller(TestIds.account(), "game-server", true);
  private final Caller ada = Caller.player(TestIds.account(), "Ada");
  private final Caller bob = Caller.player(TestIds.account(), "Bob");
  private final Recording seen = new Recording();
  private Chat chat;

  /** What an observer heard; the core calls it from several threads. */
  private static final class Recording implements ChatObserver {
    final AtomicInteger delivered = new AtomicInteger();

    /**
     * A permit per event delivered: an answer is counted after its future completed, on the core's
     * thread.
     */
    final Semaphore deliveries = new Semaphore(0);

    final AtomicInteger refused = new AtomicInteger();
    final List<Ban> bans = new CopyOnWriteArrayList<>();

    @Override
    public void delivered(int events) {
      delivered.addAndGet(events);
      deliveries.release(events);
    }

    @Override
    public void rateLimited() {
      refused.incrementAndGet();
    }

    @Override
    public void banned(Ban ban) {
      bans.add(ban);
    }
  }

  @AfterEach
  void close() {
    if (chat != null) chat.close();
  }

  @Test
  void deliveriesCountTheEventsOfAnswersNotEmptyOnes() throws Exception {
    chat = InMemoryChat.builder(clock).manualMaintenance().observer(seen).build();
    RoomId lobby = chat.createRoom(admin, "lobby", Optional.empty()).room().id();
    CompletableFuture<SyncBatch> waiting =
        chat.waitForEvents(bob, chat.head(), Duration.ofSeconds(30));
    chat.send(ada, lobby, "hello");
    assertEquals(1, waiting.get(10, TimeUnit.SECONDS).events().size());
    assertTrue(seen.deliveries.tryAcquire(1, 10, TimeUnit.SECONDS));
    assertEquals(1, seen.delivered.get());

    SyncBatch all =
        chat.waitForEvents(bob, EventId.ORIGIN, Duration.ofSeconds(1)).get(10, TimeUnit.SECONDS);
    assertTrue(
        seen.deliveries.tryAcquire(all.events().size(), 10, TimeUnit.SECONDS),
        "an answer at once counts too");
    SyncBatch empty =
        chat.waitForEvents(bob, all.nextBatch(), Duration.ZERO).get(10, TimeUnit.SECONDS);
    assertEquals(0, empty.events().size());
    assertEquals(1 + all.events().size(), seen.delivered.get(), "an empty answer delivers nothing");
  }

  @Test
  void aSubscriptionsBatchesCountAsDeliveriesLikeSyncAnswers() throws Exception {
    chat = InMemoryChat.builder(clock).manualMaintenance().observer(seen).build();
    RoomId lobby = chat.createRoom(admin, "lobby", Optional.empty()).room().id();
    List<SyncBatch> got = new CopyOnWriteArrayList<>();
    try (EventSubscription live = chat.subscribe(bob, chat.head(), Optional.empty(), got::add)) {
      chat.send(ada, lobby, "one");
      chat.send(ada, lobby, "two");
      assertTrue(seen.deliveries.tryAcquire(2, 10, TimeUnit.SECONDS));
      assertEquals(2, seen.delivered.get());
      assertEquals(
          2, got.stream().mapToInt(b -> b.events().size()).sum(), "counted what the listener got");
    }
  }

  @Test
  void refusalsOfTheRateLimiterAndBansOfBothKindsAreHeard() {
    chat = InMemoryChat.builder(clock).manualMaintenance().rateLimited(true).observer(seen).build();
    RoomId lobby = chat.createRoom(admin, "lobby", Optional.empty()).room().id();
    for (int i = 0; i < Limits.defaults().rateLimitBurst(); i++) chat.rooms(ada);
    assertThrows(RateLimitedException.class, () -> chat.rooms(ada));
    assertEquals(1, seen.refused.get());

    chat.ban(admin, ada.id(), Optional.of(Duration.ofMinutes(5)), "flooding");
    assertThrows(
        BannedException.class,
        () -> {
          for (int i = 0; i < 10; i++) chat.send(bob, lobby, "buy gold"); // the sixth copy is spam
        });
    assertEquals(List.of(false, true), seen.bans.stream().map(Ban::automatic).toList());
    assertEquals(List.of(ada.id(), bob.id()), seen.bans.stream().map(Ban::account).toList());
  }

  @Test
  void withoutAnObserverTheChatWorksAsBefore() {
    chat = InMemoryChat.builder(clock).manualMaintenance().build();
    RoomId lobby = chat.createRoom(admin, "lobby", Optional.empty()).room().id();
    chat.send(ada, lobby, "no observer, no change");
    assertEquals(0, seen.delivered.get() + seen.refused.get() + seen.bans.size());
  }
}
