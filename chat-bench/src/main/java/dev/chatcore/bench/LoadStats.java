package dev.chatcore.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** What a request loop saw: latency, status counts, transport errors, bytes, and sender lag. */
final class LoadStats {
  final Histogram latency = new Histogram();
  final LongAdder ok = new LongAdder();
  final LongAdder non2xx = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder bytes = new LongAdder();
  final AtomicLong maxLagNanos = new AtomicLong();
  volatile long windowNanos;
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final AtomicReference<String> firstFailure = new AtomicReference<>();

  void record(HttpResponse r, long latencyNanos) {
    latency.recordNanos(latencyNanos);
    bytes.add(r.bytes());
    statuses.computeIfAbsent(r.status(), k -> new LongAdder()).increment();
    if (r.ok()) ok.increment();
    else {
      non2xx.increment();
      firstFailure.compareAndSet(null, r.status() + " " + r.brief());
    }
  }

  void error(Exception e) {
    errors.increment();
    firstFailure.compareAndSet(null, e.toString());
  }

  void lag(long nanos) {
    maxLagNanos.accumulateAndGet(nanos, Math::max);
  }

  long requests() {
    return ok.sum() + non2xx.sum();
  }

  long status(int code) {
    LongAdder a = statuses.get(code);
    return a == null ? 0 : a.sum();
  }

  String firstFailure() {
    return firstFailure.get();
  }

  String statusSummary() {
    StringBuilder b = new StringBuilder();
    new TreeMap<>(statuses)
        .forEach(
            (k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append(": ").append(v.sum()));
    return b.toString();
  }

  double okPerSecond() {
    return windowNanos <= 0 ? Double.NaN : ok.sum() * 1e9 / windowNanos;
  }

  /** Puts requests, ok, non_2xx, errors, rates, bytes, latency, lag under {@code prefix}. */
  void report(Result r, String prefix) {
    r.put(prefix + "requests", requests());
    r.put(prefix + "responses_2xx", ok.sum());
    r.put(prefix + "non_2xx", non2xx.sum());
    r.put(prefix + "rate_limited_418", status(418));
    r.put(prefix + "transport_errors", errors.sum());
    r.put(prefix + "ok_per_s", okPerSecond());
    r.put(
        prefix + "mean_response_bytes",
        requests() == 0 ? Double.NaN : (double) bytes.sum() / requests());
    latency.report(r, prefix);
    r.put(prefix + "sender_max_lag_ms", maxLagNanos.get() / 1e6);
  }
}
