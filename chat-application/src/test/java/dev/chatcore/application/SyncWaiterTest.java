package dev.chatcore.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.sync.SyncWaiter;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SyncWaiterTest {
  /** Four held syncs per account. */
  private static final Limits LIMITS = Limits.defaults();

  /**
   * Parking and releasing on one room from many threads at once, the room's watcher set keeps being
   * emptied and re-created; a sync parked in that churn must still be woken.
   */
  @Test
  void aSyncParkedWhileOthersReleaseIsStillWoken() throws Exception {
    SyncWaiter waiter = new SyncWaiter(LIMITS);
    RoomId room = TestIds.room();
    int threads = 8;
    int rounds = 3_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<List<SyncWaiter.Parked>>> results = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      results.add(
          pool.submit(
              () -> {
                go.await();
                List<SyncWaiter.Parked> mine = new ArrayList<>();
                for (int i = 0; i < rounds; i++) {
                  SyncWaiter.Parked parked = waiter.park(TestIds.account(), Set.of(room));
                  mine.add(parked);
                  waiter.wakeRoom(room); // this wake, or a concurrent one, must reach it
                  if (i % 2 == 0) waiter.release(parked);
                }
                return mine;
              }));
    }
    go.countDown();
    List<SyncWaiter.Parked> all = new ArrayList<>();
    for (Future<List<SyncWaiter.Parked>> r : results) all.addAll(r.get(60, TimeUnit.SECONDS));
    pool.shutdown();
    long missed = all.stream().filter(p -> !p.signal().isDone()).count();
    assertEquals(0, missed, "parked syncs that no wake after their parking reached");
    for (SyncWaiter.Parked p : all) waiter.release(p);
    assertEquals(0, waiter.heldCount());
  }

  @Test
  void theFifthSyncOfAnAccountEvictsTheOldestUnderConcurrency() throws Exception {
    SyncWaiter waiter = new SyncWaiter(LIMITS);
    AccountId account = TestIds.account();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<Future<SyncWaiter.Parked>> parked = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < 40; i++) {
      parked.add(
          pool.submit(
              () -> {
                go.await();
                return waiter.park(account, Set.of(TestIds.room()));
              }));
    }
    go.countDown();
    List<SyncWaiter.Parked> all = new ArrayList<>();
    for (Future<SyncWaiter.Parked> p : parked) all.add(p.get(30, TimeUnit.SECONDS));
    pool.shutdown();
    assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
    int open = 0;
    for (SyncWaiter.Parked p : all) if (!p.signal().isDone()) open++;
    assertEquals(LIMITS.heldSyncsPerAccount(), open);
    assertEquals(LIMITS.heldSyncsPerAccount(), waiter.heldCount());
    waiter.shutdown();
    for (Future<SyncWaiter.Parked> p : parked) assertTrue(p.get().signal().isDone());
  }

  @Test
  void aSyncWokenForNothingThatParksAgainKeepsItsAgeForEviction() {
    SyncWaiter waiter = new SyncWaiter(LIMITS);
    int max = LIMITS.heldSyncsPerAccount();
    AccountId account = TestIds.account();
    RoomId room = TestIds.room();
    SyncWaiter.Parked oldest = waiter.park(account, Set.of(room));
    List<SyncWaiter.Parked> newer = new ArrayList<>();
    for (int i = 1; i < max; i++) newer.add(waiter.park(account, Set.of(TestIds.room())));
    waiter.wakeRoom(room); // a wake that brings the oldest nothing new: it parks again
    assertEquals(SyncWaiter.Signal.CHANGED, oldest.signal().join());
    waiter.release(oldest);
    SyncWaiter.Parked oldestAgain = waiter.park(account, Set.of(room), oldest);
    newer.add(waiter.park(account, Set.of(TestIds.room())));
    assertEquals(
        SyncWaiter.Signal.EVICTED, oldestAgain.signal().getNow(null), "still the oldest request");
    assertTrue(newer.stream().noneMatch(p -> p.signal().isDone()));
    assertEquals(max, waiter.heldCount());
  }
}
