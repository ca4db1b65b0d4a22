package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.Events;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link EventFeed} must have. Feeds that cross processes (anything but {@code
 * local}) must report events appended through another node's log within a second, and only once
 * those events are readable.
 */
public abstract class EventFeedContract {

  /** A feed and a log on the same store; the log may be another node's (another client). */
  public record Nodes(EventFeed feed, EventLog otherNodesLog) {}

  private static final Duration CROSS_NODE_BOUND = Duration.ofSeconds(1);

  /** Fresh and empty for every test. */
  protected abstract Nodes newNodes();

  @Test
  void namesItsDelivery() {
    String delivery = newNodes().feed().delivery();
    assertTrue(List.of("local", "change_streams", "polling").contains(delivery), delivery);
  }

  @Test
  void closingIsIdempotentAndEndsSubscriptions() {
    EventFeed feed = newNodes().feed();
    EventFeed.Subscription subscription = feed.subscribe((rooms, accounts) -> {});
    subscription.close();
    assertDoesNotThrow(subscription::close);
    feed.close();
    assertDoesNotThrow(feed::close);
    assertThrows(IllegalStateException.class, () -> feed.subscribe((rooms, accounts) -> {}));
  }

  @Test
  void localFeedLeavesWakingToThePublisher() {
    Nodes nodes = newNodes();
    assumeTrue(nodes.feed().delivery().equals("local"), "only for single-process feeds");
    Set<RoomId> reported = ConcurrentHashMap.newKeySet();
    try (EventFeed.Subscription s =
        nodes.feed().subscribe((rooms, accounts) -> reported.addAll(rooms))) {
      nodes.otherNodesLog().append(Events.message(TestIds.room(), "hello"));
    }
    assertTrue(reported.isEmpty(), "a local feed reports nothing: the publisher woke the syncs");
  }

  @Test
  void reportsRoomsAndMemberTargetsFromAnotherNodeWithinASecond() throws Exception {
    Nodes nodes = newNodes();
    assumeFalse(nodes.feed().delivery().equals("local"), "only for feeds that cross processes");
    RoomId room = TestIds.room();
    RoomId other = TestIds.room();
    AccountId joiner = TestIds.account();
    Set<RoomId> rooms = ConcurrentHashMap.newKeySet();
    Set<AccountId> accounts = ConcurrentHashMap.newKeySet();
    AtomicLong reportedAt = new AtomicLong();
    try (EventFeed.Subscription s =
        nodes
            .feed()
            .subscribe(
                (r, a) -> {
                  rooms.addAll(r);
                  accounts.addAll(a);
                  if (rooms.contains(room)) reportedAt.compareAndSet(0, System.nanoTime());
                })) {
      Event message = nodes.otherNodesLog().append(Events.message(room, "hello")).event();
      long appendedAt = System.nanoTime();
      nodes.otherNodesLog().append(Events.join(other, joiner));
      assertTrue(
          await(
              () -> rooms.containsAll(Set.of(room, other)) && accounts.contains(joiner),
              Duration.ofSeconds(5)),
          "reported " + rooms + " / " + accounts);
      assertTrue(
          reportedAt.get() - appendedAt < CROSS_NODE_BOUND.toNanos(), "reported within a second");
      assertFalse(
          nodes.otherNodesLog().head().position() < message.id().position(),
          "reported events are readable");
    }
  }

  @Test
  void reportsTheRoomsAndAccountsOfAMarkFromAnotherNode() throws Exception {
    Nodes nodes = newNodes();
    assumeFalse(nodes.feed().delivery().equals("local"), "only for feeds that cross processes");
    RoomId room = TestIds.room();
    AccountId recipient = TestIds.account();
    Set<RoomId> rooms = ConcurrentHashMap.newKeySet();
    Set<AccountId> accounts = ConcurrentHashMap.newKeySet();
    try (EventFeed.Subscription s =
        nodes
            .feed()
            .subscribe(
                (r, a) -> {
                  rooms.addAll(r);
                  accounts.addAll(a);
                })) {
      nodes.otherNodesLog().mark(Set.of(room), Set.of(recipient), BeforeVisible.NOTHING);
      assertTrue(
          await(() -> rooms.contains(room) && accounts.contains(recipient), Duration.ofSeconds(5)),
          "reported " + rooms + " / " + accounts);
    }
  }

  /** Polls a condition until it holds or the bound passes. */
  protected static boolean await(BooleanSupplier condition, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      TimeUnit.MILLISECONDS.sleep(10);
    }
    return true;
  }
}
