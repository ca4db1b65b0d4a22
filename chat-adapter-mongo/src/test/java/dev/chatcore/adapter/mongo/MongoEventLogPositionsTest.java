package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.event.Appended;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberChange;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.MemberTimeline;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.testing.Events;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How the Mongo log allocates positions and keeps readers from skipping: gaps, late writers, a bad
 * counter.
 */
class MongoEventLogPositionsTest {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  private final RoomId room = TestIds.room();

  private static List<EventId> ids(StreamSlice slice) {
    return slice.events().stream().map(Event::id).toList();
  }

  private static StreamSlice awaitEvents(MongoEventLog log, int count, Duration bound)
      throws InterruptedException {
    long deadline = System.nanoTime() + bound.toNanos();
    StreamSlice slice = log.readAfter(EventId.ORIGIN, Set.of(TestIdsHolder.ROOM), 100);
    while (slice.events().size() < count && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(20);
      slice = log.readAfter(EventId.ORIGIN, Set.of(TestIdsHolder.ROOM), 100);
    }
    return slice;
  }

  /** One room for the helpers above. */
  private static final class TestIdsHolder {
    static final RoomId ROOM = TestIds.room();
  }

  @Test
  void readersWaitForAnEmptyPositionBelowAWrittenOneThenSettleItAfterTheGrace() throws Exception {
    MongoDatabase db = mongo.freshDatabase();
    MongoEventLog log = new MongoEventLog(db, Duration.ofMillis(300));
    long abandoned = log.allocate(); // a writer that took a position and died
    // a writer above it has inserted, and its append is still waiting to answer
    Event above =
        Events.message(TestIdsHolder.ROOM, "after the gap").at(new EventId(log.allocate()));
    db.getCollection(MongoIndexes.EVENTS).insertOne(EventDocuments.toDocument(above));
    long start = System.nanoTime();
    assertEquals(
        List.of(),
        ids(log.readAfter(EventId.ORIGIN, Set.of(TestIdsHolder.ROOM), 10)),
        "nothing above an empty position is readable yet");
    StreamSlice slice = awaitEvents(log, 1, Duration.ofSeconds(10));
    assertEquals(List.of(above.id()), ids(slice));
    assertTrue(
        System.nanoTime() - start >= Duration.ofMillis(300).toNanos(), "not before the grace");
    assertEquals(Optional.empty(), log.find(new EventId(abandoned)), "the placeholder is no event");
    assertEquals(above.id(), log.head());
  }

  @Test
  void anAppendAboveAnAbandonedPositionAnswersOnceTheGraceSettledItAndIsReadableAtOnce() {
    MongoEventLog log = new MongoEventLog(mongo.freshDatabase(), Duration.ofMillis(300));
    long abandoned = log.allocate();
    long start = System.nanoTime();
    Event after = log.append(Events.message(TestIdsHolder.ROOM, "after the gap")).event();
    assertTrue(
        System.nanoTime() - start >= Duration.ofMillis(300).toNanos(),
        "the append waited out the grace");
    assertEquals(abandoned + 1, after.id().position());
    assertEquals(
        List.of(after.id()), ids(log.readAfter(EventId.ORIGIN, Set.of(TestIdsHolder.ROOM), 10)));
    assertEquals(Optional.empty(), log.find(new EventId(abandoned)), "the placeholder is no event");
  }

  /**
   * The window of a before-visible hook: a reader settles the position while the hook runs (its
   * writer stalled past the grace). The log re-offers a new position and the hook's work moves
   * there ({@code replacing}), so the membership record ends at the event's real position.
   */
  @Test
  void aHookWhosePositionIsSettledMeanwhileRunsAgainAtTheNewOneAndItsRecordMovesThere() {
    MongoDatabase db = mongo.freshDatabase();
    MongoEventLog log = new MongoEventLog(db, Duration.ofSeconds(30));
    MongoMembershipRepository memberships = new MongoMembershipRepository(db);
    AccountId account = TestIds.account();
    List<EventId> offered = new ArrayList<>();
    Event event =
        log.append(
                Events.message(TestIdsHolder.ROOM, "join"),
                position -> {
                  memberships.record(
                      new MemberChange(
                          TestIdsHolder.ROOM,
                          account,
                          MemberState.JOINED,
                          Instant.EPOCH,
                          position,
                          false,
                          offered.isEmpty() ? Optional.empty() : Optional.of(offered.getLast())));
                  if (offered
                      .isEmpty()) { // a reader gives up waiting and settles the position under the
                    // hook
                    db.getCollection(MongoIndexes.EVENTS)
                        .insertOne(EventDocuments.burned(position.position()));
                  }
                  offered.add(position);
                })
            .event();
    assertEquals(2, offered.size(), "offered again after the first was taken");
    assertEquals(offered.get(1), event.id());
    RoomMember record = memberships.find(TestIdsHolder.ROOM, account).orElseThrow();
    assertEquals(event.id(), record.sinceEvent());
    assertEquals(
        List.of(new MemberTimeline.Change(event.id(), true)),
        record.timeline().changes(),
        "nothing is left at the settled position");
  }

  @Test
  void aHookWhosePositionIsKeptRunsOnceAtTheEventsPosition() {
    MongoDatabase db = mongo.freshDatabase();
    MongoEventLog log = new MongoEventLog(db, Duration.ofSeconds(30));
    List<EventId> offered = new ArrayList<>();
    Event event = log.append(Events.message(TestIdsHolder.ROOM, "join"), offered::add).event();
    assertEquals(List.of(event.id()), offered);
  }

  @Test
  void aLateWriterWhosePositionWasSettledTakesANewOne() throws Exception {
    MongoEventLog log = new MongoEventLog(mongo.freshDatabase(), Duration.ofMillis(200));
    long late = log.allocate();
    Event first = log.append(Events.message(TestIdsHolder.ROOM, "first")).event();
    awaitEvents(log, 1, Duration.ofSeconds(10));
    assertEquals(
        Optional.empty(),
        log.tryInsert(late, Events.message(TestIdsHolder.ROOM, "late"), Optional.empty()),
        "the settled position refuses the late insert");
    Event retried = log.append(Events.message(TestIdsHolder.ROOM, "late")).event();
    assertTrue(retried.id().isAfter(first.id()));
    assertEquals(
        List.of(first.id(), retried.id()), ids(awaitEvents(log, 2, Duration.ofSeconds(10))));
  }

  @Test
  void aCounterThatHandsOutTakenValuesNeverGivesTwoEventsOnePosition() throws Exception {
    MongoDatabase db = mongo.freshDatabase();
    MongoEventLog log = new MongoEventLog(db, Duration.ofSeconds(30));
    List<EventId> written = new ArrayList<>();
    for (int i = 0; i < 3; i++)
      written.add(log.append(Events.message(TestIdsHolder.ROOM, "a" + i)).event().id());
    db.getCollection(MongoIndexes.COUNTERS)
        .updateOne(eq("_id", MongoEventLog.COUNTER_ID), Updates.set("seq", 0L));
    for (int i = 0; i < 3; i++)
      written.add(log.append(Events.message(TestIdsHolder.ROOM, "b" + i)).event().id());
    assertEquals(6, new HashSet<>(written).size());
    List<EventId> sorted = new ArrayList<>(written);
    sorted.sort(null);
    assertEquals(written, sorted, "appends of one thread come in order");
    assertEquals(written, ids(log.readAfter(EventId.ORIGIN, Set.of(TestIdsHolder.ROOM), 10)));
  }

  @Test
  void aStartingLogRepairsACounterBehindTheEvents() {
    MongoDatabase db = mongo.freshDatabase();
    MongoEventLog first = new MongoEventLog(db);
    EventId a = first.append(Events.message(room, "a")).event().id();
    db.getCollection(MongoIndexes.COUNTERS).deleteOne(eq("_id", MongoEventLog.COUNTER_ID));
    MongoEventLog restarted = new MongoEventLog(db);
    assertEquals(a.position() + 1, restarted.allocate());
  }

  @Test
  void retriesThatLoseTheTxnRaceFillTheirPositionsSoReadersNeedNotWait() throws Exception {
    MongoEventLog log = new MongoEventLog(mongo.freshDatabase(), Duration.ofMinutes(10));
    AccountId sender = TestIds.account();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Appended>> tries = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      tries.add(
          pool.submit(
              () -> {
                go.await();
                return log.append(Events.messageWithTxn(TestIdsHolder.ROOM, sender, "once", "t-1"));
              }));
    }
    go.countDown();
    for (Future<Appended> t : tries) t.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    Event next = log.append(Events.message(TestIdsHolder.ROOM, "next")).event();
    StreamSlice slice = log.readAfter(EventId.ORIGIN, Set.of(TestIdsHolder.ROOM), 10);
    assertEquals(
        2,
        slice.events().size(),
        "with a ten-minute grace, only filled positions let this through");
    assertEquals(next.id(), slice.upTo());
  }

  @Test
  void twoNodesShareOneStreamWithoutSharingPositions() throws Exception {
    String name = mongo.freshName();
    MongoEventLog a = (MongoEventLog) mongo.storage(mongo.options(name)).events();
    MongoEventLog b = (MongoEventLog) mongo.storage(mongo.options(name)).events();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<List<EventId>>> writers = new ArrayList<>();
    for (MongoEventLog log : List.of(a, b, a, b)) {
      writers.add(
          pool.submit(
              () -> {
                List<EventId> mine = new ArrayList<>();
                for (int i = 0; i < 50; i++)
                  mine.add(log.append(Events.message(room, "m" + i)).event().id());
                return mine;
              }));
    }
    Set<EventId> all = new HashSet<>();
    for (Future<List<EventId>> w : writers) all.addAll(w.get(60, TimeUnit.SECONDS));
    pool.shutdown();
    assertEquals(200, all.size());
    List<EventId> expected = new ArrayList<>(all);
    expected.sort(null);
    // the embedded server's counter skips values under concurrency: readers wait those gaps out
    for (MongoEventLog reader : List.of(a, b)) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      StreamSlice slice = reader.readAfter(EventId.ORIGIN, Set.of(room), 500);
      while (slice.events().size() < expected.size() && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(20);
        slice = reader.readAfter(EventId.ORIGIN, Set.of(room), 500);
      }
      assertEquals(expected, ids(slice), "every event once, in stream order, on both nodes");
    }
  }
}
