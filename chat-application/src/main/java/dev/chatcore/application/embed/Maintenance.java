package dev.chatcore.application.embed;

import dev.chatcore.application.globalroom.SweepIdlePlayers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The periodic work of a core: a list of {@link MaintenanceTask}s run with a fixed delay on a
 * {@link ScheduledExecutorService}. {@link Chat} starts it on the scheduler the host gave or on a
 * one-thread scheduler of its own, unless the host asked to drive it itself with {@link #runOnce()}
 * (from its own game loop, or from a test with a mutable clock); the standalone server starts it on
 * two threads of its own.
 *
 * <p>Tasks added after the start are scheduled at once, so a later part of the core (the retention
 * janitor) joins by {@link #add adding} its task. A failed run is logged and does not cancel the
 * schedule. Thread-safe.
 */
public final class Maintenance {
  private static final Logger LOG = Logger.getLogger(Maintenance.class.getName());

  private final List<MaintenanceTask> tasks = new CopyOnWriteArrayList<>();
  private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
  private ScheduledExecutorService scheduler;
  private ScheduledExecutorService owned;
  private boolean stopped;

  /** Creates a maintenance with no task and no schedule. */
  public Maintenance() {}

  /**
   * Adds a task; when the schedule runs already, the task is scheduled at once (its first run comes
   * {@link MaintenanceTask#firstRunAfter()} from now).
   *
   * @param task the task to run from now on
   * @return this maintenance
   */
  public synchronized Maintenance add(MaintenanceTask task) {
    tasks.add(task);
    if (scheduler != null && !stopped) schedule(task);
    return this;
  }

  /**
   * The tasks, in the order they were added.
   *
   * @return an immutable copy of the task list
   */
  public List<MaintenanceTask> tasks() {
    return List.copyOf(tasks);
  }

  /**
   * Runs every task once, now, on the calling thread, in the order they were added. A failing task
   * is logged and the others still run.
   *
   * @return how many tasks failed
   */
  public int runOnce() {
    int failed = 0;
    for (MaintenanceTask task : tasks) {
      if (!runQuietly(task)) failed++;
    }
    return failed;
  }

  /**
   * Schedules every task (and every task added later) on {@code scheduler}.
   *
   * @param scheduler where the tasks run; the maintenance never shuts it down
   * @throws IllegalStateException when it was started or stopped already
   */
  public synchronized void start(ScheduledExecutorService scheduler) {
    requireNew();
    this.scheduler = scheduler;
    for (MaintenanceTask task : tasks) schedule(task);
  }

  /**
   * Schedules every task (and every task added later) on a scheduler of its own: {@code threads}
   * daemon threads named {@code chat-maintenance}, which {@link #stop} shuts down. With more than
   * one thread a long run (the janitor's) does not hold the other tasks back.
   *
   * @param threads how many runs may go on at once; at least 1
   * @throws IllegalStateException when it was started or stopped already
   */
  public synchronized void start(int threads) {
    requireNew();
    ScheduledThreadPoolExecutor own =
        new ScheduledThreadPoolExecutor(
            threads,
            r -> {
              Thread t = new Thread(r, "chat-maintenance");
              t.setDaemon(true);
              return t;
            });
    own.setRemoveOnCancelPolicy(true);
    owned = own;
    start(own);
  }

  private void requireNew() {
    if (scheduler != null || stopped)
      throw new IllegalStateException("maintenance was started already");
  }

  /**
   * Whether {@link #start} was called and {@link #stop} was not.
   *
   * @return true while the tasks are scheduled
   */
  public synchronized boolean running() {
    return scheduler != null && !stopped;
  }

  /**
   * Cancels every scheduled run: on the host's scheduler a run in progress finishes; a scheduler of
   * its own is shut down, interrupting a run in progress. Idempotent.
   */
  public synchronized void stop() {
    stopped = true;
    for (ScheduledFuture<?> f : scheduled) f.cancel(false);
    scheduled.clear();
    if (owned != null) owned.shutdownNow();
  }

  private void schedule(MaintenanceTask task) {
    scheduled.add(
        scheduler.scheduleWithFixedDelay(
            () -> runQuietly(task),
            task.firstRunAfter().toMillis(),
            task.every().toMillis(),
            TimeUnit.MILLISECONDS));
  }

  private static boolean runQuietly(MaintenanceTask task) {
    try {
      task.work().run();
      return true;
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "maintenance task " + task.name() + " failed; the next run tries again",
          e);
      return false;
    }
  }

  /**
   * The idle-sweep period for an idle threshold: a tenth of it, at least a second, at most a minute
   * (as the standalone server runs it).
   *
   * @param idleAfter the idle threshold
   * @return how often to sweep
   */
  public static Duration sweepEvery(Duration idleAfter) {
    return Duration.ofMillis(Math.clamp(idleAfter.toMillis() / 10, 1000, 60_000));
  }

  /**
   * The idle-sweep task, as the embedded chat and the standalone server run it: every {@link
   * #sweepEvery sweepEvery(idleAfter)}, players idle for {@code idleAfter} leave their global room.
   *
   * @param sweep the use case
   * @param idleAfter the idle threshold
   * @return the task named {@code idle-sweep}
   */
  public static MaintenanceTask idleSweep(SweepIdlePlayers sweep, Duration idleAfter) {
    return new MaintenanceTask("idle-sweep", sweepEvery(idleAfter), () -> sweep.sweep(idleAfter));
  }
}
