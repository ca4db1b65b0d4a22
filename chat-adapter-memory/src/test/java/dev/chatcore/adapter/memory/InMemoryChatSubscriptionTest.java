package dev.chatcore.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.embed.Chat;
import dev.chatcore.application.embed.EventSubscription;
import dev.chatcore.application.embed.SlowSubscriberException;
import dev.chatcore.application.embed.StreamListener;
import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.StreamLimits;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedding API's push: a listener subscription and a Flow.Publisher with demand. */
class InMemoryChatSubscriptionTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final MutableClock clock = new MutableClock();
  private final Caller admin = new Caller(TestIds.account(), "game-server", true);
  private final Caller ada = Caller.player(TestIds.account(), "Ada");
  private Chat chat;

  @AfterEach
  void close() {
    if (chat != null) chat.close();
  }

  private Chat chat(Limits limits) {
    chat = InMemoryChat.builder(clock).limits(limits).manualMaintenance().build();
    return chat;
  }

  /** Collects batches and the end of a listener subscription. */
  private static final class Collected implements StreamListener {
    final List<Event> events = new ArrayList<>();
    final CompletableFuture<StreamEnd> end = new CompletableFuture<>();

    @Override
    public synchronized void onEvents(SyncBatch batch) {
      events.addAll(batch.events());
    }

    @Override
    public void onEnd(StreamEnd e) {
      end.complete(e);
    }

    synchronized List<EventId> ids() {
      return events.stream().map(Event::id).toList();
    }
  }

  @Test
  void aListenerGetsWhatIsThereThenWhatArrivesAndTheBanEndsIt() throws Exception {
    chat(Limits.defaults());
    RoomId lobby = chat.createRoom(admin, "lobby", Optional.empty()).room().id();
    EventId since = chat.head();
    EventId first = chat.send(admin, lobby, "before").id();
    Collected got = new Collected();
    EventSubscription sub = chat.subscribe(ada, since, Optional.empty(), got);
    EventId second = chat.send(admin, lobby, "after").id();
    assertTrue(await(() -> got.ids().size() == 2));
    assertEquals(List.of(first, second), got.ids());
    assertTrue(sub.isOpen());
    chat.ban(admin, ada.id(), Optional.empty(), "rude");
    StreamEnd end = got.end.get(30, TimeUnit.SECONDS);
    assertEquals(StreamEnd.Reason.FAILED, end.reason());
    assertInstanceOf(BannedException.class, end.failure().orElseThrow());
    assertThrows(
        BannedException.class, () -> chat.subscribe(ada, since, Optional.empty(), new Collected()));
  }

  @Test
  void closingTheSubscriptionOrTheChatEndsIt() throws Exception {
    chat(Limits.defaults());
    Collected closed = new Collected();
    Collected shutDown = new Collected();
    chat.subscribe(ada, chat.head(), Optional.empty(), closed).close();
    chat.subscribe(admin, chat.head(), Optional.empty(), shutDown);
    assertEquals(StreamEnd.Reason.CLOSED, closed.end.get(30, TimeUnit.SECONDS).reason());
    chat.close();
    assertEquals(StreamEnd.Reason.SHUTDOWN, shutDown.end.get(30, TimeUnit.SECONDS).reason());
  }

  @Test
  void embeddedSubscriptionsHaveNoPerAccountCapNorLifetime() throws Exception {
    chat(
        Limits.defaults()
            .withStreams(
                StreamLimits.defaults()
                    .withPerAccount(1)
                    .withTimes(Duration.ofMillis(50), Duration.ofMillis(100))));
    Collected a = new Collected();
    Collected b = new Collected();
    chat.subscribe(ada, chat.head(), Optional.empty(), a);
    chat.subscribe(ada, chat.head(), Optional.empty(), b);
    RoomId lobby = chat.createRoom(admin, "lobby", Optional.empty()).room().id();
    chat.send(admin, lobby, "to both");
    assertTrue(
        await(() -> a.ids().size() == 2 && b.ids().size() == 2),
        "m.room.created and the message, twice");
    assertTrue(!a.end.isDone() && !b.end.isDone());
  }

  /** A subscriber that requests what the test tells it to. */
  private static final class Demand implements Flow.Subscriber<SyncBatch> {
    final List<SyncBatch> batches = new ArrayList<>();
    final CompletableFuture<Throwable> error = new CompletableFuture<>();
    final long initial;
    volatile Flow.Subscription subscription;

    /** Requests nothing until the test does. */
    Demand() {
      this(0);
    }

    /** Requests {@code initial} at once, before the stream can deliver anything. */
    Demand(long initial) {
      this.initial = initial;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      if (initial > 0) s.request(initial);
    }

    @Override
    public synchronized void onNext(SyncBatch batch) {
      batches.add(batch);
    }

    @Override
    public void onError(Throwable t) {
      error.complete(t);
    }

    @Override
    public void onComplete() {
      error.complete(null);
    }

    synchronized int events() {
      return batches.stream().mapToInt(b -> b.events().size()).sum();
    }

    synchronized EventId lastNextBatch() {
      return batches.getLast().nextBatch();
    }
  }

  @Test
  void aPublisherDeliversOnDemandAndEndsASubscriberThatStopsRequesting() throws Exception {
    int bound = Limits.defaults().syncBatchMax();
    chat(Limits.defaults().withStreams(StreamLimits.defaults().withQueueMax(bound, 1 << 20)));
    RoomId lobby = chat.createRoom(admin, "lobby", Optional.empty()).room().id();
    EventId since = chat.head();
    Demand subscriber = new Demand();
    chat.events(ada, since, Optional.empty()).subscribe(subscriber);
    chat.send(admin, lobby, "one");
    assertTrue(await(() -> subscriber.subscription != null));
    subscriber.subscription.request(1);
    assertTrue(await(() -> subscriber.events() == 1), "one batch on demand");
    EventId resumeAt = subscriber.lastNextBatch();
    int unrequested = bound + 20;
    for (int i = 0; i < unrequested; i++) chat.send(admin, lobby, "m" + i); // nothing requested
    Throwable error = subscriber.error.get(30, TimeUnit.SECONDS);
    SlowSubscriberException slow = assertInstanceOf(SlowSubscriberException.class, error);
    assertEquals(resumeAt, slow.resumeFrom(), "resume exactly after the last batch it got");

    Demand again =
        new Demand(Long.MAX_VALUE); // more than the bound waits: it must request from the start
    chat.events(ada, slow.resumeFrom(), Optional.empty()).subscribe(again);
    assertTrue(
        await(() -> again.events() == unrequested), "every message after the resume point, once");
  }

  @Test
  void aPublisherTakesOneSubscriberAndReportsBadDemand() throws Exception {
    chat(Limits.defaults());
    Flow.Publisher<SyncBatch> publisher = chat.events(ada, chat.head(), Optional.empty());
    Demand first = new Demand();
    Demand second = new Demand();
    publisher.subscribe(first);
    publisher.subscribe(second);
    assertInstanceOf(IllegalStateException.class, second.error.get(30, TimeUnit.SECONDS));
    first.subscription.request(0);
    assertInstanceOf(IllegalArgumentException.class, first.error.get(30, TimeUnit.SECONDS));
  }

  private static boolean await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(2);
    }
    return true;
  }
}
