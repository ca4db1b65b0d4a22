package dev.chatcore.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The two request drivers, each worker a virtual thread with its own keep-alive connection.
 *
 * <ul>
 *   <li>{@link #fixedRate}: open loop. Request {@code i} is due at {@code t0 + i / rate}; a worker
 *       takes the next index, waits for its due time and sends. Latency is measured from the due
 *       time, so a slow server (or too few workers) shows up as latency rather than as a lower
 *       offered rate (no coordinated omission); {@code sender_max_lag_ms} says how late requests
 *       left.
 *   <li>{@link #closedLoop}: each worker keeps one request in flight, back to back, until the end.
 * </ul>
 */
final class RequestLoop {
  /**
   * One request; {@code seq} numbers the requests of a run from 0, {@code dueNanos} is when it was
   * scheduled ({@link System#nanoTime()}; for the closed loop, when it was started).
   */
  interface Call {
    HttpResponse call(HttpConnection c, long seq, long dueNanos) throws IOException;
  }

  private RequestLoop() {}

  static LoadStats fixedRate(
      Target t, double rate, double seconds, int workers, Call call, long deadlineNanos)
      throws InterruptedException {
    LoadStats stats = new LoadStats();
    long total = Math.max(1, Math.round(rate * seconds));
    double intervalNanos = 1e9 / rate;
    AtomicLong next = new AtomicLong();
    long t0 = System.nanoTime() + 20_000_000L;
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      threads.add(
          Thread.ofVirtual()
              .name("load-" + w)
              .start(
                  () -> {
                    try (HttpConnection c = HttpConnection.to(t)) {
                      for (long i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        long due = t0 + (long) (i * intervalNanos);
                        if (due > deadlineNanos) break;
                        sleepUntil(due);
                        stats.lag(System.nanoTime() - due);
                        send(c, call, i, due, stats);
                      }
                    }
                  }));
    }
    for (Thread th : threads) th.join();
    stats.windowNanos = System.nanoTime() - t0;
    return stats;
  }

  static LoadStats closedLoop(
      Target t, int connections, double seconds, Call call, long deadlineNanos)
      throws InterruptedException {
    LoadStats stats = new LoadStats();
    long t0 = System.nanoTime();
    long end = Math.min(t0 + (long) (seconds * 1e9), deadlineNanos);
    AtomicLong seq = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < connections; w++) {
      threads.add(
          builder()
              .name("load-" + w)
              .start(
                  () -> {
                    try (HttpConnection c = HttpConnection.to(t)) {
                      while (System.nanoTime() < end)
                        send(c, call, seq.getAndIncrement(), System.nanoTime(), stats);
                    }
                  }));
    }
    for (Thread th : threads) th.join();
    stats.windowNanos = System.nanoTime() - t0;
    return stats;
  }

  private static void send(HttpConnection c, Call call, long seq, long from, LoadStats stats) {
    try {
      HttpResponse r = call.call(c, seq, from);
      stats.record(r, System.nanoTime() - from);
    } catch (IOException | RuntimeException e) {
      stats.error(e);
      c.close();
      LockSupport.parkNanos(10_000_000L); // a refused connection must not spin
    }
  }

  private static Thread.Builder builder() {
    return Boolean.getBoolean("bench.platformThreads") ? Thread.ofPlatform() : Thread.ofVirtual();
  }

  static void sleepUntil(long due) {
    for (long d = due - System.nanoTime(); d > 0; d = due - System.nanoTime())
      LockSupport.parkNanos(d);
  }
}
