package dev.chatcore.application.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MaintenanceTest {
  @Test
  void runOnceRunsEveryTaskInOrderAndCountsFailuresWithoutStopping() {
    List<String> ran = new CopyOnWriteArrayList<>();
    Maintenance maintenance = new Maintenance()
        .add(new MaintenanceTask("a", Duration.ofSeconds(1), () -> ran.add("a")))
        .add(new MaintenanceTask("broken", Duration.ofSeconds(1), () -> {
          throw new IllegalStateException("storage down");
        }))
        .add(new MaintenanceTask("c", Duration.ofSeconds(1), () -> ran.add("c")));
    assertEquals(1, maintenance.runOnce());
    assertEquals(List.of("a", "c"), ran);
    assertEquals(List.of("a", "broken", "c"), maintenance.tasks().stream().map(MaintenanceTask::name).toList());
  }

  @Test
  void aFailingRunDoesNotCancelTheSchedule() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch thrice = new CountDownLatch(3);
      Maintenance maintenance = new Maintenance().add(new MaintenanceTask("flaky", Duration.ofMillis(5), () -> {
        runs.incrementAndGet();
        thrice.countDown();
        throw new IllegalStateException("every run fails");
      }));
      maintenance.start(scheduler);
      assertTrue(thrice.await(10, TimeUnit.SECONDS), "runs go on after failures");
      maintenance.stop();
      assertFalse(maintenance.running());
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void stopCancelsEveryRunAndAStoppedMaintenanceCannotStartAgain() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      AtomicInteger runs = new AtomicInteger();
      Maintenance maintenance = new Maintenance()
          .add(new MaintenanceTask("t", Duration.ofMillis(5), runs::incrementAndGet));
      maintenance.start(scheduler);
      assertThrows(IllegalStateException.class, () -> maintenance.start(scheduler));
      maintenance.stop();
      // every cancelled run is gone from the queue once this barrier task has run
      scheduler.submit(() -> null).get(10, TimeUnit.SECONDS);
      int after = runs.get();
      scheduler.schedule(() -> null, 50, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
      assertEquals(after, runs.get(), "no run after stop");
      maintenance.add(new MaintenanceTask("late", Duration.ofMillis(5), runs::incrementAndGet));
      scheduler.schedule(() -> null, 50, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
      assertEquals(after, runs.get(), "a task added after stop is not scheduled");
      assertThrows(IllegalStateException.class, () -> maintenance.start(scheduler));
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void tasksNeedAPositivePeriod() {
    assertThrows(IllegalArgumentException.class, () -> new MaintenanceTask("t", Duration.ZERO, () -> {}));
    assertThrows(IllegalArgumentException.class, () -> new MaintenanceTask("t", Duration.ofSeconds(-1), () -> {}));
  }

  @Test
  void theSweepRunsATenthOfTheIdleThresholdWithinASecondAndAMinute() {
    assertEquals(Duration.ofMinutes(1), Maintenance.sweepEvery(Duration.ofMinutes(10)));
    assertEquals(Duration.ofSeconds(30), Maintenance.sweepEvery(Duration.ofMinutes(5)));
    assertEquals(Duration.ofSeconds(1), Maintenance.sweepEvery(Duration.ofSeconds(10)));
    assertEquals(Duration.ofMinutes(1), Maintenance.sweepEvery(Duration.ofHours(5)));
  }
}
