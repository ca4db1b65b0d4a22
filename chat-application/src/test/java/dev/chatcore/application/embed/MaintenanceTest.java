package dev.chatcore.application.embed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
    Maintenance maintenance =
        new Maintenance()
            .add(new MaintenanceTask("a", Duration.ofSeconds(1), () -> ran.add("a")))
            .add(
                new MaintenanceTask(
                    "broken",
                    Duration.ofSeconds(1),
                    () -> {
                      throw new IllegalStateException("storage down");
                    }))
            .add(new MaintenanceTask("c", Duration.ofSeconds(1), () -> ran.add("c")));
    assertEquals(1, maintenance.runOnce());
    assertEquals(List.of("a", "c"), ran);
    assertEquals(
        List.of("a", "broken", "c"),
        maintenance.tasks().stream().map(MaintenanceTask::name).toList());
  }

  @Test
  void aFailingRunDoesNotCancelTheSchedule() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      AtomicInteger runs = new AtomicInteger();
      CountDownLatch thrice = new CountDownLatch(3);
      Maintenance maintenance =
          new Maintenance()
              .add(
                  new MaintenanceTask(
                      "flaky",
                      Duration.ofMillis(5),
                      () -> {
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
      Maintenance maintenance =
          new Maintenance()
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
  void aTaskStartingAtOnceRunsWhenTheScheduleStartsAndTheOthersOnePeriodLater() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try {
      AtomicInteger hourly = new AtomicInteger();
      CompletableFuture<Void> atOnce = new CompletableFuture<>();
      Maintenance maintenance =
          new Maintenance()
              .add(new MaintenanceTask("hourly", Duration.ofHours(1), hourly::incrementAndGet))
              .add(
                  new MaintenanceTask("at-once", Duration.ofHours(1), () -> atOnce.complete(null))
                      .startingAtOnce());
      assertEquals(
          Duration.ofHours(1), maintenance.tasks().get(0).firstRunAfter(), "one period by default");
      maintenance.start(scheduler);
      atOnce.get(30, TimeUnit.SECONDS);
      assertEquals(0, hourly.get(), "the other task waits for its period");
      maintenance.stop();
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void onItsOwnSchedulerTheTasksRunOnDaemonThreadsThatStopEnds() throws Exception {
    CompletableFuture<Thread> ranOn = new CompletableFuture<>();
    Maintenance maintenance =
        new Maintenance()
            .add(
                new MaintenanceTask(
                        "t", Duration.ofHours(1), () -> ranOn.complete(Thread.currentThread()))
                    .startingAtOnce());
    maintenance.start(1);
    Thread thread = ranOn.get(30, TimeUnit.SECONDS);
    assertTrue(thread.isDaemon(), "never keeps the JVM alive");
    assertEquals("chat-maintenance", thread.getName());
    assertThrows(IllegalStateException.class, () -> maintenance.start(1));
    maintenance.stop();
    thread.join(TimeUnit.SECONDS.toMillis(30));
    assertFalse(thread.isAlive(), "stop shuts its own scheduler down");
  }

  @Test
  void withTwoThreadsALongRunDoesNotHoldTheOtherTasksBack() throws Exception {
    CountDownLatch quickRan = new CountDownLatch(1);
    CompletableFuture<Boolean> longRunSawQuick = new CompletableFuture<>();
    Maintenance maintenance =
        new Maintenance()
            .add(
                new MaintenanceTask(
                        "long",
                        Duration.ofHours(1),
                        () -> {
                          try {
                            longRunSawQuick.complete(
                                quickRan.await(
                                    30, TimeUnit.SECONDS)); // runs on while the other one runs
                          } catch (InterruptedException e) {
                            longRunSawQuick.completeExceptionally(e);
                          }
                        })
                    .startingAtOnce())
            .add(
                new MaintenanceTask("quick", Duration.ofHours(1), quickRan::countDown)
                    .startingAtOnce());
    maintenance.start(2);
    try {
      assertTrue(
          longRunSawQuick.get(60, TimeUnit.SECONDS), "the quick task ran during the long run");
    } finally {
      maintenance.stop();
    }
  }

  @Test
  void theFirstRunIsNeverBeforeTheStart() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new MaintenanceTask("t", Duration.ofSeconds(1), () -> {}, Duration.ofSeconds(-1)));
  }

  @Test
  void tasksNeedAPositivePeriod() {
    assertThrows(
        IllegalArgumentException.class, () -> new MaintenanceTask("t", Duration.ZERO, () -> {}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new MaintenanceTask("t", Duration.ofSeconds(-1), () -> {}));
  }

  @Test
  void theSweepRunsATenthOfTheIdleThresholdWithinASecondAndAMinute() {
    assertEquals(Duration.ofMinutes(1), Maintenance.sweepEvery(Duration.ofMinutes(10)));
    assertEquals(Duration.ofSeconds(30), Maintenance.sweepEvery(Duration.ofMinutes(5)));
    assertEquals(Duration.ofSeconds(1), Maintenance.sweepEvery(Duration.ofSeconds(10)));
    assertEquals(Duration.ofMinutes(1), Maintenance.sweepEvery(Duration.ofHours(5)));
  }
}
