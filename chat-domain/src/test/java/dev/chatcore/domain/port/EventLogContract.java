package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.event.Appended;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.MessageFilter;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.Events;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EventLog} must have. */
public abstract class EventLogContract {
  /**
   * The time by which expiring events lapse: {@link #newEventLog()} must build its log on this
   * clock (tests move it).
   */
  protected final MutableClock clock = new MutableClock();

  private final RoomId room = TestIds.room();
  private final RoomId other = TestIds.room();

  /** A fresh, empty log for every test, whose expiring events lapse by {@link #clock}. */
  protected abstract EventLog newEventLog();

  private NewEvent typing(RoomId in, Duration lifetime) {
    Instant now = clock.instant();
    return NewEvent.expiring(
        in,
        Events.SENDER,
        now,
        new EventContent.Typing(List.of(Events.SENDER), lifetime),
        now.plus(lifetime));
  }

  private static List<EventId> ids(List<Event> events) {
    return events.stream().map(Event::id).toList();
  }

  @Test
  void aMarkTakesTheNextPositionWhichReadersPassButNeverReturn() {
    EventLog log = newEventLog();
    EventId a = log.append(Events.message(room, "a")).event().id();
    EventId mark = log.mark(Set.of(room), Set.of(Events.SENDER), BeforeVisible.NOTHING);
    EventId b = log.append(Events.message(room, "b")).event().id();
    assertTrue(mark.isAfter(a) && b.isAfter(mark));
    assertEquals(Optional.empty(), log.find(mark));
    assertEquals(List.of(a, b), ids(log.readAfter(EventId.ORIGIN, Set.of(room), 10).events()));
    StreamSlice upToMark = log.readAfter(a, mark, Set.of(room), 10);
    assertEquals(List.of(), upToMark.events());
    assertEquals(mark, upToMark.upTo(), "a reader passes the mark like any position");
    assertEquals(Optional.of(b), log.roomHead(room));
  }

  @Test
  void aMarkRunsItsHookBeforeItsPositionIsReadable() {
    EventLog log = newEventLog();
    log.append(Events.message(room, "a"));
    List<EventId> seenInHook = new ArrayList<>();
    EventId mark =
        log.mark(
            Set.of(),
            Set.of(),
            position -> {
              seenInHook.add(position);
              assertTrue(
                  log.head().compareTo(position) < 0,
                  "the head stays below the position while its hook runs");
            });
    assertEquals(
        mark, seenInHook.get(seenInHook.size() - 1), "the position kept is the last one offered");
    assertEquals(mark, log.head());
  }

  @Test
  void aFailingMarkHookStoresNothingAndLaterEventsStayReadable() {
    EventLog log = newEventLog();
    EventId a = log.append(Events.message(room, "a")).event().id();
    assertThrows(
        IllegalStateException.class,
        () ->
            log.mark(
                Set.of(room),
                Set.of(),
                position -> {
                  throw new IllegalStateException("refused");
                }));
    EventId b = log.append(Events.message(room, "b")).event().id();
    assertEquals(List.of(b), ids(log.readAfter(a, Set.of(room), 10).events()));
  }

  @Test
  void concurrentMarksAndAppendsNeverLetTheHeadPassAPositionWhoseHookRuns() throws Exception {
    EventLog log = newEventLog();
    ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<EventId> marks = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      boolean marking = w % 2 == 0;
      writers.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < 25; i++) {
                  if (!marking) {
                    log.append(Events.message(room, "m" + i));
                    continue;
                  }
                  marks.add(
                      log.mark(
                          Set.of(room),
                          Set.of(),
                          position -> {
                            EventId head = log.head();
                            if (head.compareTo(position) >= 0)
                              violations.add(
                                  "head " + head + " reached " + position + " in its hook");
                          }));
                }
                return null;
              }));
    }
    go.countDown();
    for (Future<?> f : writers) f.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(List.of(), List.copyOf(violations));
    assertEquals(50, new HashSet<>(marks).size(), "every mark has its own position");
  }

  @Test
  void emptyLogHasOriginHead() {
    EventLog log = newEventLog();
    assertEquals(EventId.ORIGIN, log.head());
    assertEquals(Optional.empty(), log.roomHead(room));
    assertTrue(log.readAfter(EventId.ORIGIN, Set.of(room), 10).events().isEmpty());
  }

  @Test
  void positionsIncreaseInAppendOrder() {
    EventLog log = newEventLog();
    EventId a = log.append(Events.message(room, "a")).event().id();
    EventId b = log.append(Events.message(other, "b")).event().id();
    assertTrue(b.isAfter(a));
    assertEquals(b, log.head());
    assertEquals(Optional.of(a), log.roomHead(room));
  }

  @Test
  void readsAfterCursorInAppendOrder() {
    EventLog log = newEventLog();
    EventId a = log.append(Events.message(room, "a")).event().id();
    EventId b = log.append(Events.message(room, "b")).event().id();
    assertEquals(List.of(b), ids(log.readAfter(a, Set.of(room), 10).events()));
  }

  @Test
  void readsOnlyTheAskedRoomsAcrossTheStream() {
    EventLog log = newEventLog();
    EventId a = log.append(Events.message(room, "a")).event().id();
    log.append(Events.message(other, "x"));
    EventId c = log.append(Events.message(room, "c")).event().id();
    StreamSlice slice = log.readAfter(EventId.ORIGIN, Set.of(room), 10);
    assertEquals(List.of(a, c), ids(slice.events()));
    assertFalse(slice.limited());
    assertEquals(log.head(), slice.upTo(), "an unlimited read covers everything up to the head");
  }

  @Test
  void limitedReadStopsAtTheLastEventItReturns() {
    EventLog log = newEventLog();
    List<EventId> all = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      all.add(log.append(Events.message(i % 2 == 0 ? room : other, "m" + i)).event().id());
    }
    StreamSlice first = log.readAfter(EventId.ORIGIN, Set.of(room, other), 3);
    assertEquals(all.subList(0, 3), ids(first.events()));
    assertTrue(first.limited());
    assertEquals(all.get(2), first.upTo());
    StreamSlice rest = log.readAfter(first.upTo(), Set.of(room, other), 3);
    assertEquals(all.subList(3, 5), ids(rest.events()));
    assertFalse(rest.limited());
  }

  @Test
  void exactlyLimitEventsIsNotLimited() {
    EventLog log = newEventLog();
    log.append(Events.message(room, "a"));
    log.append(Events.message(room, "b"));
    assertFalse(log.readAfter(EventId.ORIGIN, Set.of(room), 2).limited());
  }

  @Test
  void cursorBeyondHeadReturnsNothingAndKeepsTheCursor() {
    EventLog log = newEventLog();
    log.append(Events.message(room, "a"));
    EventId future = new EventId(1_000_000);
    StreamSlice slice = log.readAfter(future, Set.of(room), 10);
    assertTrue(slice.events().isEmpty());
    assertEquals(future, slice.upTo());
  }

  @Test
  void retryWithSameTxnIdReturnsSameEvent() {
    EventLog log = newEventLog();
    AccountId sender = TestIds.account();
    Appended first = log.append(Events.messageWithTxn(room, sender, "hello", "t-1"));
    Appended retry = log.append(Events.messageWithTxn(room, sender, "hello again", "t-1"));
    assertTrue(first.created());
    assertFalse(retry.created());
    assertEquals(first.event(), retry.event());
    assertEquals(1, log.readAfter(EventId.ORIGIN, Set.of(room), 10).events().size());
  }

  @Test
  void sameTxnIdFromAnotherSenderIsAnotherEvent() {
    EventLog log = newEventLog();
    Appended a = log.append(Events.messageWithTxn(room, TestIds.account(), "a", "t-1"));
    Appended b = log.append(Events.messageWithTxn(room, TestIds.account(), "b", "t-1"));
    assertTrue(b.created());
    assertTrue(b.event().id().isAfter(a.event().id()));
  }

  @Test
  void concurrentRetriesStoreOneEvent() throws Exception {
    EventLog log = newEventLog();
    AccountId sender = TestIds.account();
    int threads = 8;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Appended>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                return log.append(Events.messageWithTxn(room, sender, "once", "same"));
              }));
    }
    go.countDown();
    Set<EventId> ids = new HashSet<>();
    int created = 0;
    for (Future<Appended> f : results) {
      Appended a = f.get(30, TimeUnit.SECONDS);
      ids.add(a.event().id());
      if (a.created()) created++;
    }
    pool.shutdown();
    assertEquals(1, ids.size());
    assertEquals(1, created);
    assertEquals(1, log.readAfter(EventId.ORIGIN, Set.of(room), 10).events().size());
  }

  @Test
  void historyPagesBackwardAndForwardOverMessagesOnly() {
    EventLog log = newEventLog();
    EventId m1 = log.append(Events.message(room, "1")).event().id();
    log.append(Events.join(room, TestIds.account()));
    EventId m2 = log.append(Events.message(room, "2")).event().id();
    EventId m3 = log.append(Events.message(room, "3")).event().id();
    log.append(Events.message(other, "elsewhere"));
    assertEquals(
        List.of(m3, m2), ids(log.readMessages(room, Optional.empty(), Direction.BACKWARD, 2)));
    assertEquals(List.of(m1), ids(log.readMessages(room, Optional.of(m2), Direction.BACKWARD, 5)));
    assertEquals(
        List.of(m1, m2), ids(log.readMessages(room, Optional.empty(), Direction.FORWARD, 2)));
    assertEquals(List.of(m3), ids(log.readMessages(room, Optional.of(m2), Direction.FORWARD, 5)));
  }

  /**
   * Any player can send such a {@code from}: it pages like every other position, it is no error.
   */
  @Test
  void historyFromBeyondTheHeadPagesBackFromTheNewestAndForwardToNothing() {
    EventLog log = newEventLog();
    EventId m1 = log.append(Events.message(room, "1")).event().id();
    EventId m2 = log.append(Events.message(room, "2")).event().id();
    Optional<EventId> future = Optional.of(new EventId(m2.position() + 1_000));
    assertEquals(List.of(m2, m1), ids(log.readMessages(room, future, Direction.BACKWARD, 5)));
    assertEquals(List.of(), ids(log.readMessages(room, future, Direction.FORWARD, 5)));
    assertEquals(List.of(), ids(log.readMessages(TestIds.room(), future, Direction.BACKWARD, 5)));
  }

  @Test
  void countingFromBeyondTheHeadCountsNothing() {
    EventLog log = newEventLog();
    log.append(Events.message(room, "a"));
    assertEquals(0, log.countMessagesAfter(room, new EventId(1_000_000), TestIds.account(), 100));
  }

  @Test
  void aBareMarkOrdersLikeAnEventAndNamesNone() {
    EventLog log = newEventLog();
    EventId before = log.append(Events.message(room, "a")).event().id();
    EventId skipped = log.mark(Set.of(), Set.of(), BeforeVisible.NOTHING);
    EventId after = log.append(Events.message(room, "b")).event().id();
    assertTrue(skipped.isAfter(before) && after.isAfter(skipped));
    assertEquals(Optional.empty(), log.find(skipped));
    assertEquals(List.of(after), ids(log.readAfter(before, Set.of(room), 10).events()));
    assertEquals(after, log.head());
    EventId last = log.mark(Set.of(), Set.of(), BeforeVisible.NOTHING);
    assertTrue(last.isAfter(after));
    assertEquals(
        last, log.readAfter(after, Set.of(room), 10).upTo(), "a reader passes a skipped position");
  }

  @Test
  void findsEventsById() {
    EventLog log = newEventLog();
    Event stored = log.append(Events.message(room, "x")).event();
    assertEquals(Optional.of(stored), log.find(stored.id()));
    assertEquals(Optional.empty(), log.find(new EventId(stored.id().position() + 100)));
    assertTrue(stored.content() instanceof EventContent.Message m && m.text().equals("x"));
  }

  @Test
  void countsOthersMessagesAfterAPositionUpToACap() {
    EventLog log = newEventLog();
    AccountId me = TestIds.account();
    EventId start = log.append(Events.message(room, me, "mine")).event().id();
    log.append(Events.message(room, "a"));
    log.append(Events.message(room, me, "mine too"));
    log.append(Events.join(room, TestIds.account()));
    log.append(Events.message(room, "b"));
    log.append(Events.message(room, "c"));
    assertEquals(3, log.countMessagesAfter(room, start, me, 100));
    assertEquals(2, log.countMessagesAfter(room, start, me, 2));
    assertEquals(0, log.countMessagesAfter(other, EventId.ORIGIN, me, 100));
  }

  /**
   * The guarantee sync rests on: readers that always continue from {@code upTo} see every event
   * exactly once and in order while many writers append concurrently.
   */
  @Test
  void concurrentWritersNeverMakeAReaderSkipOrRepeat() throws Exception {
    EventLog log = newEventLog();
    int writers = 6;
    int perWriter = 150;
    Set<RoomId> rooms = Set.of(room, other);
    ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
    CountDownLatch go = new CountDownLatch(1);
    ConcurrentLinkedQueue<EventId> written = new ConcurrentLinkedQueue<>();
    List<Future<?>> tasks = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      RoomId target = w % 2 == 0 ? room : other;
      tasks.add(
          pool.submit(
              () -> {
                go.await();
                for (int i = 0; i < perWriter; i++)
                  written.add(log.append(Events.message(target, "m" + i)).event().id());
                return null;
              }));
    }
    List<Future<List<EventId>>> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      readers.add(
          pool.submit(
              () -> {
                go.await();
                List<EventId> seen = new ArrayList<>();
                EventId cursor = EventId.ORIGIN;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (seen.size() < writers * perWriter && System.nanoTime() < deadline) {
                  StreamSlice slice = log.readAfter(cursor, rooms, 7);
                  for (Event e : slice.events()) seen.add(e.id());
                  cursor = slice.upTo();
                }
                return seen;
              }));
    }
    go.countDown();
    for (Future<?> t : tasks) t.get(60, TimeUnit.SECONDS);
    List<EventId> expected = new ArrayList<>(written);
    expected.sort(null);
    for (Future<List<EventId>> reader : readers) {
      assertEquals(
          expected, reader.get(60, TimeUnit.SECONDS), "every event exactly once, in stream order");
    }
    pool.shutdown();
  }

  @Test
  void expiringEventsAreReadUntilTheirExpiryAndThenNoLonger() {
    EventLog log = newEventLog();
    Event typing = log.append(typing(room, Duration.ofSeconds(3))).event();
    EventId message = log.append(Events.message(room, "stays")).event().id();
    assertEquals(Optional.of(clock.instant().plusSeconds(3)), typing.expiresAt());
    assertEquals(
        List.of(typing.id(), message),
        ids(log.readAfter(EventId.ORIGIN, Set.of(room), 10).events()));
    assertEquals(Optional.of(typing), log.find(typing.id()));
    clock.advance(Duration.ofSeconds(3));
    StreamSlice slice = log.readAfter(EventId.ORIGIN, Set.of(room), 10);
    assertEquals(List.of(message), ids(slice.events()));
    assertEquals(log.head(), slice.upTo(), "expiry moves no cursor");
    assertEquals(Optional.empty(), log.find(typing.id()));
    assertEquals(
        List.of(message), ids(log.readMessages(room, Optional.empty(), Direction.BACKWARD, 10)));
  }

  @Test
  void expiredEventsDoNotCountTowardsALimitedRead() {
    EventLog log = newEventLog();
    log.append(typing(room, Duration.ofSeconds(1)));
    log.append(typing(room, Duration.ofSeconds(1)));
    EventId a = log.append(Events.message(room, "a")).event().id();
    clock.advance(Duration.ofSeconds(2));
    StreamSlice slice = log.readAfter(EventId.ORIGIN, Set.of(room), 1);
    assertEquals(List.of(a), ids(slice.events()));
    assertFalse(slice.limited());
  }

  @Test
  void purgeDeletesOnlyExpiredEventsAndKeepsTheHead() {
    EventLog log = newEventLog();
    EventId shortLived = log.append(typing(room, Duration.ofSeconds(1))).event().id();
    EventId longLived = log.append(typing(other, Duration.ofSeconds(30))).event().id();
    EventId lasting = log.append(Events.message(room, "lasting")).event().id();
    EventId head = log.head();
    assertEquals(1, log.purgeExpired(clock.instant().plusSeconds(5)));
    assertEquals(
        0, log.purgeExpired(clock.instant().plusSeconds(5)), "purging twice deletes nothing more");
    assertEquals(head, log.head());
    assertEquals(Optional.empty(), log.find(shortLived));
    assertEquals(
        List.of(longLived, lasting),
        ids(log.readAfter(EventId.ORIGIN, Set.of(room, other), 10).events()));
    EventId next = log.append(Events.message(room, "after purge")).event().id();
    assertTrue(next.isAfter(head), "positions never repeat after a purge");
  }

  private static NewEvent messageAt(RoomId room, Instant at, String text) {
    return new NewEvent(room, Events.SENDER, at, new EventContent.Message(text, Optional.empty()));
  }

  @Test
  void readsARoomsMessagesSinceATimeInTimeOrder() {
    EventLog log = newEventLog();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    EventId late = log.append(messageAt(room, t0.plusSeconds(20), "late")).event().id();
    EventId early = log.append(messageAt(room, t0.plusSeconds(10), "early")).event().id();
    log.append(messageAt(room, t0.plusSeconds(5), "too old"));
    log.append(messageAt(other, t0.plusSeconds(15), "other room"));
    log.append(Events.join(room, Events.SENDER)); // not a message
    EventId sameSecond = log.append(messageAt(room, t0.plusSeconds(10), "tie")).event().id();
    assertEquals(
        List.of(early, sameSecond, late), ids(log.readMessagesSince(room, t0.plusSeconds(10), 10)));
    assertEquals(
        List.of(early, sameSecond), ids(log.readMessagesSince(room, t0.plusSeconds(10), 2)));
    assertEquals(
        List.of(late), ids(log.readMessagesSince(room, t0.plusSeconds(10).plusMillis(1), 10)));
    assertTrue(log.readMessagesSince(TestIds.room(), t0, 10).isEmpty());
  }

  @Test
  void deleteMessagesRemovesOnlyTheRoomsMessagesUpToTheCutOldestFirstInBatches() {
    EventLog log = newEventLog();
    EventId a = log.append(Events.message(room, "a")).event().id();
    EventId joined = log.append(Events.join(room, Events.SENDER)).event().id();
    EventId b = log.append(Events.message(room, "b")).event().id();
    EventId elsewhere = log.append(Events.message(other, "x")).event().id();
    EventId c = log.append(Events.message(room, "c")).event().id();
    EventId head = log.head();
    assertEquals(1, log.deleteMessages(room, b, 1));
    assertTrue(log.find(a).isEmpty(), "oldest goes first");
    assertTrue(log.find(b).isPresent());
    assertEquals(1, log.deleteMessages(room, b, 10));
    assertEquals(0, log.deleteMessages(room, b, 10), "nothing left up to the cut");
    assertEquals(List.of(c), ids(log.readMessages(room, Optional.empty(), Direction.BACKWARD, 10)));
    assertTrue(log.find(joined).isPresent(), "non-message events stay");
    assertTrue(log.find(elsewhere).isPresent(), "other rooms stay");
    assertEquals(head, log.head(), "head never moves");
    assertEquals(List.of(c), ids(log.readMessagesSince(room, Instant.EPOCH, 10)));
    assertEquals(List.of(joined, c), ids(log.readAfter(EventId.ORIGIN, Set.of(room), 10).events()));
  }

  @Test
  void deletedMessageTransactionIdIsForgottenAndPositionsAreNotReused() {
    EventLog log = newEventLog();
    EventId first = log.append(Events.messageWithTxn(room, Events.SENDER, "a", "t1")).event().id();
    assertEquals(1, log.deleteMessages(room, first, 10));
    Appended again = log.append(Events.messageWithTxn(room, Events.SENDER, "a", "t1"));
    assertTrue(again.created());
    assertTrue(again.event().id().isAfter(first));
  }

  @Test
  void findMessagesFiltersByRoomSenderAndLiteralTextNewestFirst() {
    EventLog log = newEventLog();
    AccountId bob = TestIds.account();
    EventId a = log.append(Events.message(room, "Buy GOLD now")).event().id();
    log.append(Events.join(room, bob));
    EventId b = log.append(Events.message(room, bob, "gold?")).event().id();
    EventId c = log.append(Events.message(other, "a.*b gold")).event().id();
    MessageFilter all = MessageFilter.all();
    assertEquals(List.of(c, b, a), ids(log.findMessages(all, 0, 10)));
    assertEquals(List.of(b), ids(log.findMessages(all, 1, 1)));
    assertEquals(3, log.countMessages(all));
    MessageFilter inRoom = new MessageFilter(Optional.of(room), Optional.empty(), Optional.empty());
    assertEquals(List.of(b, a), ids(log.findMessages(inRoom, 0, 10)));
    MessageFilter byBob = new MessageFilter(Optional.empty(), Optional.of(bob), Optional.empty());
    assertEquals(List.of(b), ids(log.findMessages(byBob, 0, 10)));
    MessageFilter gold = new MessageFilter(Optional.empty(), Optional.empty(), Optional.of("GoLd"));
    assertEquals(3, log.countMessages(gold));
    MessageFilter regex =
        new MessageFilter(Optional.empty(), Optional.empty(), Optional.of("a.*b"));
    assertEquals(
        List.of(c), ids(log.findMessages(regex, 0, 10)), "the term is literal, never a pattern");
    assertEquals(
        0,
        log.countMessages(
            new MessageFilter(Optional.empty(), Optional.empty(), Optional.of("(unclosed"))));
  }

  /** Any admin can search for these: no store may refuse a character a message text can hold. */
  @Test
  void findMessagesTakesAnyCharacterLiterally() {
    EventLog log = newEventLog();
    EventId odd =
        log.append(Events.message(room, "nul\u0000 \\E (x) \ud83d\ude00 Caf\u00e9 $^|?"))
            .event()
            .id();
    log.append(Events.message(room, "plain"));
    for (String term : List.of("\u0000", "\\e (X)", "\ud83d\ude00", "caf\u00e9", "$^|?", "\\")) {
      MessageFilter filter =
          new MessageFilter(Optional.empty(), Optional.empty(), Optional.of(term));
      assertEquals(List.of(odd), ids(log.findMessages(filter, 0, 10)), "term " + term);
    }
  }

  @Test
  void deleteMessageRemovesOneMessageOnly() {
    EventLog log = newEventLog();
    EventId a = log.append(Events.message(room, "a")).event().id();
    EventId joined = log.append(Events.join(room, Events.SENDER)).event().id();
    EventId b = log.append(Events.message(room, "b")).event().id();
    EventId head = log.head();
    assertEquals(a, log.deleteMessage(a).orElseThrow().id());
    assertTrue(log.deleteMessage(a).isEmpty(), "idempotent");
    assertTrue(log.deleteMessage(joined).isEmpty(), "not a message");
    assertTrue(log.find(a).isEmpty());
    assertEquals(List.of(b), ids(log.readMessages(room, Optional.empty(), Direction.BACKWARD, 10)));
    assertEquals(List.of(b), ids(log.readMessagesSince(room, Instant.EPOCH, 10)));
    assertEquals(List.of(joined, b), ids(log.readAfter(EventId.ORIGIN, Set.of(room), 10).events()));
    assertEquals(head, log.head());
  }

  @Test
  void editMessageReplacesContentInPlaceAndCountsAsAChangeForReadMessagesSince() {
    EventLog log = newEventLog();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    EventId old = log.append(Events.message(room, "old")).event().id();
    EventId newer =
        log.append(
                new NewEvent(
                    room,
                    Events.SENDER,
                    t0.plusSeconds(60),
                    new EventContent.Message("newer", Optional.empty())))
            .event()
            .id();
    EventId head = log.head();
    AccountId editor = TestIds.account();
    Instant editedAt = t0.plusSeconds(120);
    Event edited =
        log.editMessage(
                old,
                new EventContent.Message("fixed", Optional.empty()),
                Optional.of(clock.instant().plus(Duration.ofDays(1))),
                editedAt,
                editor)
            .orElseThrow();
    assertEquals(old, edited.id());
    assertEquals(Optional.of(editedAt), edited.updatedAt());
    assertEquals(Optional.of(editor), edited.editedBy());
    assertEquals(head, log.head(), "an edit appends nothing");
    assertEquals("fixed", ((EventContent.Message) log.find(old).orElseThrow().content()).text());
    assertEquals(
        List.of(newer, old), ids(log.readMessages(room, Optional.empty(), Direction.BACKWARD, 10)));
    assertEquals(
        List.of(old, newer),
        ids(log.readMessagesSince(room, t0.plusSeconds(30), 10)),
        "the edited message is returned for times after its creation, oldest creation first");
    assertEquals(List.of(old), ids(log.readMessagesSince(room, editedAt, 10)));
    assertEquals(List.of(), ids(log.readMessagesSince(room, editedAt.plusSeconds(1), 10)));
    assertTrue(
        log.editMessage(
                log.append(Events.join(room, editor)).event().id(),
                new EventContent.Message("x", Optional.empty()),
                Optional.empty(),
                editedAt,
                editor)
            .isEmpty(),
        "not a message");
  }

  @Test
  void anEditNeverBringsBackADeletedMessageAndMovesItsExpiry() {
    EventLog log = newEventLog();
    EventId a = log.append(Events.message(room, "a")).event().id();
    log.deleteMessage(a);
    assertTrue(
        log.editMessage(
                a,
                new EventContent.Message("b", Optional.empty()),
                Optional.empty(),
                clock.instant(),
                Events.SENDER)
            .isEmpty());
    assertTrue(log.find(a).isEmpty());
    EventId c = log.append(Events.message(room, "c")).event().id();
    log.editMessage(
        c,
        new EventContent.Message("c2", Optional.empty()),
        Optional.of(clock.instant().plusSeconds(5)),
        clock.instant(),
        Events.SENDER);
    clock.advance(Duration.ofSeconds(5));
    assertTrue(log.find(c).isEmpty(), "expired at its new expiry");
    assertEquals(1, log.purgeExpired(clock.instant()));
    assertEquals(List.of(), ids(log.readMessagesSince(room, Instant.EPOCH, 10)));
  }
}
