package dev.chatcore.application.embed;

import java.time.Duration;
import java.util.Objects;

/**
 * One piece of periodic work of the core: a name for logs, how long to wait between two runs,
 * and the work itself. A task must be safe to run again after a failure and safe to run on
 * several nodes at once (every task of the core is: purges and sweeps are idempotent).
 *
 * @param name a short name for logs, for example {@code idle-sweep}
 * @param every the delay between the end of one run and the start of the next; positive
 * @param work the work; it may throw, the failure is logged and the next run tries again
 */
public record MaintenanceTask(String name, Duration every, Runnable work) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException when a field is null
   * @throws IllegalArgumentException when {@code every} is not positive
   */
  public MaintenanceTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(every, "every");
    Objects.requireNonNull(work, "work");
    if (every.isZero() || every.isNegative()) throw new IllegalArgumentException("every must be positive");
  }
}
