package dev.chatcore.bench;

import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.moderation.RateLimiter;
import dev.chatcore.bench.jmh.ModerationBenchmark;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.policy.Limits;
import java.time.Clock;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * In-process: what the rate limiter, ban gate and spam check cost per request (JMH, one fork), and
 * how much heap the limiter holds for {@code --accounts} tracked accounts.
 */
final class ModerationScenario implements Scenario {
  private final long accounts;
  private final int iterations;

  ModerationScenario(Options options) {
    this.accounts = options.number("accounts", 1_000_000, 1, 10_000_000);
    this.iterations = (int) options.number("iterations", 5, 1, 50);
  }

  @Override
  public void run(Context ctx, Result r) throws Exception {
    r.put("accounts", accounts);
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(ModerationBenchmark.class.getName())
                    .forks(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations)
                    .measurementTime(TimeValue.seconds(1))
                    .build())
            .run();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String method = name.substring(name.lastIndexOf('.') + 1);
      double ns = result.getPrimaryResult().getScore();
      r.put("ns_per_op_" + snake(method), Math.round(ns * 10) / 10.0);
      System.out.printf(
          "  %-18s %8.1f ns/op (± %.1f)%n", method, ns, result.getPrimaryResult().getScoreError());
    }
    r.put("limiter_bytes_per_account", limiterBytesPerAccount());
    System.out.printf(
        "  limiter state: %s bytes per tracked account (%d accounts)%n",
        r.get("limiter_bytes_per_account"), accounts);
  }

  /** Heap held by the limiter's buckets, per account, after forced GCs. */
  private double limiterBytesPerAccount() {
    Clock clock = Clock.systemUTC();
    IdGenerator ids = new IdGenerator(clock);
    long before = usedAfterGc();
    RateLimiter limiter = new RateLimiter(Limits.defaults(), clock, ChatObserver.NONE);
    for (long i = 0; i < accounts; i++) limiter.acquire(ids.next());
    limiter.trackedKeys();
    long after = usedAfterGc();
    double perAccount = (after - before) / (double) accounts;
    if (limiter.trackedKeys() < accounts * 0.99)
      throw new BenchFailure("the limiter evicted keys: " + limiter.trackedKeys());
    return Math.round(perAccount * 10) / 10.0;
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
