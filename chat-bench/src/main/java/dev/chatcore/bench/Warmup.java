package dev.chatcore.bench;

import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Warms the server up before a measured window: the same load, in rounds, until the server's JIT
 * compiler has settled. A freshly started JVM compiles its hot paths for tens of seconds (a
 * 100-message history page path was still being compiled by C2 40 s into a run, at 30% of the
 * server's CPU), and a measurement taken meanwhile describes the compiler, not the server that
 * players talk to after the first minute. So, after at least {@code minSeconds}, warm-up ends at
 * the first round in which the server's compiler threads used less than {@code quietJitPct} of one
 * core, and in any case after {@code maxSeconds}. With {@code --warmup-jit-quiet-pct 0} it is a
 * plain fixed warm-up of {@code minSeconds}, which is how JIT-cold figures are taken.
 */
final class Warmup {
  /** One round of warm-up load lasting about {@code seconds}. */
  interface Round {
    void run(double seconds) throws Exception;
  }

  /** What the warm-up did: how long, how many rounds, the compiler's share in the last round. */
  record Report(double seconds, int rounds, double lastRoundJitPct, boolean jitQuiet) {
    void put(Result r) {
      put(r, "");
    }

    /** The keys with {@code prefix} (a transport's, when one run measures several). */
    void put(Result r, String prefix) {
      r.put(prefix + "warmup_s", seconds)
          .put(prefix + "warmup_rounds", rounds)
          .put(prefix + "warmup_last_jit_pct_of_1_core", lastRoundJitPct);
      r.put(prefix + "warmup_jit_quiet", jitQuiet);
    }

    String summary() {
      return String.format(
          Locale.ROOT,
          "warm-up %.1f s in %d rounds, server JIT %.1f%% of one core in the last (%s)",
          seconds,
          rounds,
          lastRoundJitPct,
          jitQuiet ? "settled" : "not settled");
    }
  }

  private final double minSeconds;
  private final double maxSeconds;
  private final double roundSeconds;
  private final double quietJitPct;

  Warmup(Options o, double defaultMinSeconds) {
    minSeconds = o.decimal("warmup-seconds", defaultMinSeconds);
    maxSeconds = Math.max(minSeconds, o.decimal("warmup-max-seconds", 120));
    roundSeconds = o.decimal("warmup-round-seconds", 5);
    quietJitPct = o.decimalOrZero("warmup-jit-quiet-pct", 2);
  }

  /** Runs rounds of {@code round} against the server {@code pid} (-1: unknown, fixed warm-up). */
  Report run(long pid, Round round) throws Exception {
    return run(() -> pid > 0 ? ProcStats.threadCpuNanos(pid, ProcStats::isJitThread) : -1, round);
  }

  /**
   * The same with the server's JIT compiler CPU nanoseconds read by {@code jitNanos} (-1: unknown).
   */
  Report run(LongSupplier jitNanos, Round round) throws Exception {
    long t0 = System.nanoTime();
    boolean adaptive = quietJitPct > 0 && jitNanos.getAsLong() >= 0;
    int rounds = 0;
    double lastPct = Double.NaN;
    while (true) {
      double elapsed = (System.nanoTime() - t0) / 1e9;
      double left = (adaptive ? maxSeconds : minSeconds) - elapsed;
      if (left <= 0.05) break;
      double length =
          adaptive ? Math.min(Math.max(roundSeconds, minSeconds - elapsed), left) : left;
      long jit0 = jitNanos.getAsLong();
      long w0 = System.nanoTime();
      round.run(length);
      rounds++;
      long jit1 = jitNanos.getAsLong();
      lastPct =
          jit0 < 0 || jit1 < jit0
              ? Double.NaN // a compiler thread that ended took its time along
              : (jit1 - jit0) * 100.0 / (System.nanoTime() - w0);
      if (!adaptive) break;
      if ((System.nanoTime() - t0) / 1e9 >= minSeconds - 0.05 && lastPct < quietJitPct) break;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    return new Report(seconds, rounds, lastPct, adaptive && lastPct < quietJitPct);
  }
}
