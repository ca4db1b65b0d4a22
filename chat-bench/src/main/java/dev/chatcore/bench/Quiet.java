package dev.chatcore.bench;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits (bounded) until the shared machine is quiet before a run, like shared/bench/peer/quiet.sh:
 * quiet means less than {@code pct}% of one core busy over 2 s. Gives up after {@code maxSeconds}
 * and says so in the result ({@code quiet: false}); the run goes on, and {@code
 * other_cpu_pct_of_1_core} tells how disturbed it was.
 */
final class Quiet {
  private Quiet() {}

  static void await(double pct, double maxSeconds, Result r) {
    long t0 = System.nanoTime();
    long end = t0 + (long) (maxSeconds * 1e9);
    double busy;
    do {
      long b0 = ProcStats.machineBusyNanos();
      LockSupport.parkNanos(2_000_000_000L);
      busy = (ProcStats.machineBusyNanos() - b0) / 2e9 * 100;
      if (busy < pct) break;
      System.err.printf(
          Locale.ROOT, "waiting for a quiet machine: %.0f%% of one core busy%n", busy);
      LockSupport.parkNanos(3_000_000_000L);
    } while (System.nanoTime() < end);
    r.put("quiet", busy < pct)
        .put("quiet_wait_s", (System.nanoTime() - t0) / 1e9)
        .put("machine_busy_pct_at_start", busy);
  }
}
