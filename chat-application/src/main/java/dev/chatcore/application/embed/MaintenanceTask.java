package dev.chatcore.application.embed;

import java.time.Duration;
import java.util.Objects;

/**
 * One piece of periodic work of the core: a name for logs, how long to wait between two runs, the
 * work itself, and how long after the start of the schedule it first runs. A task must be safe to
 * run again after a failure and safe to run on several nodes at once (every task of the core is:
 * purges and sweeps are idempotent).
 *
 * @param name a short name for logs, for example {@code idle-sweep}
 * @param every the delay between the end of one run and the start of the next; positive
 * @param work the work; it may throw, the failure is logged and the next run tries again
 * @param firstRunAfter the delay from the start of the schedule to the first run; zero or more
 */
public record MaintenanceTask(String name, Duration every, Runnable work, Duration firstRunAfter) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException when a field is null
   * @throws IllegalArgumentException when {@code every} is not positive or {@code firstRunAfter} is
   *     negative
   */
  public MaintenanceTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(firstRunAfter, "firstRunAfter");
    if (every.isZero() || every.isNegative())
      throw new IllegalArgumentException("every must be positive");
    if (firstRunAfter.isNegative())
      throw new IllegalArgumentException("firstRunAfter must not be negative");
  }

  /**
   * A task whose first run comes one period after the start of the schedule.
   *
   * @param name a short name for logs
   * @param every the delay between two runs; positive
   * @param work the work
   */
  public MaintenanceTask(String name, Duration every, Runnable work) {
    this(name, every, work, every);
  }

  /**
   * The same task, first run as soon as the schedule starts (the standalone server's janitor runs
   * once at start).
   *
   * @return a copy whose {@code firstRunAfter} is zero
   */
  public MaintenanceTask startingAtOnce() {
    return new MaintenanceTask(name, every, work, Duration.ZERO);
  }
}
