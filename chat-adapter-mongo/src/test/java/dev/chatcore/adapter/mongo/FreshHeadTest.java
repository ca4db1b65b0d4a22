package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.error.UnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * How reads share refreshes of the stable head, and how an append waits for its position (no
 * store).
 */
class FreshHeadTest {
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicLong head = new AtomicLong();

  @Test
  void readsThatArriveDuringARefreshShareTheNextOneAndNeverItsEarlierResult() throws Exception {
    CountDownLatch firstMayEnd = new CountDownLatch(1);
    FreshHead fresh =
        new FreshHead(
            () -> {
              int n = refreshes.incrementAndGet();
              if (n == 1) await(firstMayEnd);
              head.set(n);
              return n;
            },
            head::get,
            Duration.ofSeconds(1));
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      Future<Long> first = pool.submit(fresh::read);
      assertTrue(poll(() -> refreshes.get() == 1), "the first refresh runs");
      List<Thread> parked = new ArrayList<>();
      List<Future<Long>> later = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        later.add(
            pool.submit(
                () -> {
                  synchronized (parked) {
                    parked.add(Thread.currentThread());
                  }
                  return fresh.read();
                }));
      }
      assertTrue(
          poll(
              () -> {
                synchronized (parked) {
                  return parked.size() == 20
                      && parked.stream().allMatch(FreshHeadTest::waitsForARefresh);
                }
              }),
          "twenty reads wait while the first refresh runs");
      firstMayEnd.countDown();
      assertEquals(1, first.get(10, TimeUnit.SECONDS));
      for (Future<Long> f : later)
        assertEquals(2, f.get(10, TimeUnit.SECONDS), "a refresh begun after the read");
      assertEquals(2, refreshes.get(), "twenty-one reads, two queries");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailedRefreshFailsTheReadsThatWaitedForItAndTheNextReadTriesAgain() {
    AtomicInteger calls = new AtomicInteger();
    FreshHead fresh =
        new FreshHead(
            () -> {
              if (calls.incrementAndGet() == 1)
                throw new UnavailableException("storage is unavailable (test)", null);
              return 7;
            },
            () -> 7,
            Duration.ofSeconds(1));
    assertThrows(UnavailableException.class, fresh::read);
    assertEquals(7, fresh.read());
  }

  @Test
  void anAppendWaitsUntilTheHeadCoversItsPosition() {
    FreshHead fresh = new FreshHead(() -> head.addAndGet(1), head::get, Duration.ofSeconds(5));
    fresh.awaitCovering(5); // positions below are filled one refresh after another
    assertEquals(5, head.get());
    fresh.awaitCovering(3);
    assertEquals(5, head.get(), "already covered: no query");
  }

  @Test
  void anAppendWhosePositionIsNotCoveredAfterTheGraceFailsUnavailable() {
    FreshHead fresh = new FreshHead(refreshes::incrementAndGet, () -> 0, Duration.ofMillis(100));
    long start = System.nanoTime();
    assertThrows(UnavailableException.class, () -> fresh.awaitCovering(Long.MAX_VALUE));
    assertTrue(
        System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(100), "not before the grace");
    assertTrue(refreshes.get() > 2, "it kept looking meanwhile");
  }

  /** Parked on the condition, not merely queued for the lock (then it would not have asked yet). */
  private static boolean waitsForARefresh(Thread t) {
    return Arrays.stream(t.getStackTrace())
        .anyMatch(f -> f.getMethodName().equals("awaitUninterruptibly"));
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean poll(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      TimeUnit.MILLISECONDS.sleep(5);
    }
    return true;
  }
}
