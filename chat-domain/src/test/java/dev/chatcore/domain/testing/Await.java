package dev.chatcore.domain.testing;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits until a condition holds, for tests whose condition has no future or latch to wait on (a
 * count in another component, a process's answer). The outcome never depends on timing: the
 * condition decides, the deadline only ends a test that would otherwise hang.
 */
public final class Await {
  /** Long enough for a loaded 2-core machine; a passing test never waits for it. */
  public static final Duration DEADLINE = Duration.ofSeconds(30);

  private static final long PAUSE_NANOS = Duration.ofMillis(2).toNanos();

  private Await() {}

  /** Returns once {@code condition} holds; fails with {@code what} after {@link #DEADLINE}. */
  public static void until(BooleanSupplier condition, Supplier<String> what) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline)
        throw new AssertionError("timed out waiting for " + what.get());
      LockSupport.parkNanos(
          PAUSE_NANOS); // lets the thread that makes it true run on a busy machine
    }
  }
}
