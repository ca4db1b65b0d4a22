package dev.chatcore.bench;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * A concurrent log-linear histogram of durations in microseconds: exact below 2,048 µs, then 1,024
 * buckets per power of two (relative error under 0.1%), up to about 2^50 µs. Safe to record from
 * any number of threads; percentiles read a snapshot that may miss records made meanwhile.
 */
final class Histogram {
  private static final int LINEAR = 2048;
  private static final int SUB = 1024;
  private static final int MAX_EXPONENT = 50;

  private final AtomicLongArray buckets = new AtomicLongArray(LINEAR + (MAX_EXPONENT - 10) * SUB);
  private final LongAdder count = new LongAdder();
  private final LongAdder sum = new LongAdder();
  private final AtomicLong max = new AtomicLong();

  static int index(long us) {
    if (us < LINEAR) return (int) Math.max(us, 0);
    int e = 63 - Long.numberOfLeadingZeros(us);
    if (e >= MAX_EXPONENT) return LINEAR + (MAX_EXPONENT - 11) * SUB + SUB - 1;
    return LINEAR + (e - 11) * SUB + (int) ((us >>> (e - 10)) - SUB);
  }

  /** The smallest value that falls into bucket {@code i}. */
  static long lowerBound(int i) {
    if (i < LINEAR) return i;
    int e = (i - LINEAR) / SUB + 11;
    long sub = (i - LINEAR) % SUB + SUB;
    return sub << (e - 10);
  }

  void recordNanos(long nanos) {
    recordMicros(nanos / 1000);
  }

  void recordMicros(long us) {
    long v = Math.max(us, 0);
    buckets.incrementAndGet(index(v));
    count.increment();
    sum.add(v);
    max.accumulateAndGet(v, Math::max);
  }

  long count() {
    return count.sum();
  }

  /** The p-th percentile (0 &lt; p &le; 100) in milliseconds; NaN when empty. */
  double percentileMs(double p) {
    long total = count.sum();
    if (total == 0) return Double.NaN;
    long wanted = Math.max(1, (long) Math.ceil(total * p / 100.0));
    long seen = 0;
    for (int i = 0; i < buckets.length(); i++) {
      seen += buckets.get(i);
      if (seen >= wanted) return Math.min(lowerBound(i), max.get()) / 1000.0;
    }
    return maxMs();
  }

  double meanMs() {
    long c = count.sum();
    return c == 0 ? Double.NaN : sum.sum() / 1000.0 / c;
  }

  double maxMs() {
    return count.sum() == 0 ? Double.NaN : max.get() / 1000.0;
  }

  /** Puts {@code <prefix>p50_ms}, p90, p99, max and mean into the result. */
  void report(Result r, String prefix) {
    r.put(prefix + "p50_ms", percentileMs(50));
    r.put(prefix + "p90_ms", percentileMs(90));
    r.put(prefix + "p99_ms", percentileMs(99));
    r.put(prefix + "max_ms", maxMs());
    r.put(prefix + "mean_ms", meanMs());
  }

  String summary() {
    return String.format(
        Locale.ROOT,
        "p50 %.2f  p90 %.2f  p99 %.2f  max %.2f ms (mean %.2f, n=%d)",
        percentileMs(50),
        percentileMs(90),
        percentileMs(99),
        maxMs(),
        meanMs(),
        count());
  }
}
