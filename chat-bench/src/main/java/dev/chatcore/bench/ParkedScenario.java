package dev.chatcore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code parked}: N users each hold one sync (timeout 60 s), or one idle SSE or WebSocket stream
 * ({@code --transport}), on one channel. The server's used heap after a forced GC and its thread
 * count are read before the syncs are parked (the streams opened) and while they are; then one
 * message is posted and every held sync (stream) must deliver it. A few smaller park-and-wake
 * rounds first warm the server's JIT, so that the wake-up figures are not those of cold code.
 * {@code --transport sync,sse,ws} runs it once per transport, keys prefixed by the transport.
 */
final class ParkedScenario implements Scenario {
  private final int users;
  private final int timeoutMs;
  private final int graceS;
  private final int warmupRounds;
  private final int warmupUsers;
  private final List<Transport> transports;

  ParkedScenario(Options o) {
    users = (int) o.number("users", 10_000, 1, 19_000);
    timeoutMs = (int) o.number("wait", 60_000, 1000, 60_000);
    graceS = (int) o.number("grace", 20, 1, 120);
    warmupRounds = (int) o.number("warmup-rounds", 3, 0, 100);
    warmupUsers = (int) o.number("warmup-users", 1000, 1, 19_000);
    transports = Transport.parse(o);
  }

  @Override
  public void run(Context ctx, Result r) throws Exception {
    if (ctx.target().pid() <= 0)
      throw new BenchFailure("parked needs the server's pid (--pid) to read its heap and threads");
    r.put("transports", String.join(",", transports.stream().map(Transport::label).toList()));
    for (Transport transport : transports) {
      if (transports.size() == 1) r.put("transport", transport.label());
      r.line("== %s ==", transport.label());
      runOne(ctx, r, transport, transports.size() == 1 ? "" : transport.label() + "_");
    }
  }

  private void runOne(Context ctx, Result r, Transport transport, String tp) throws Exception {
    Target t = ctx.target();
    Tokens tokens = ctx.tokens();
    BenchUser admin = tokens.user("bench-admin", true);
    String roomId;
    try (Api api = new Api(t)) {
      roomId = api.createChannel(admin, "bench-parked-" + System.currentTimeMillis());
      api.startCursor(roomId, admin);
    }
    List<BenchUser> warmers = tokens.users("warm-" + transport.label(), warmupUsers);
    for (int i = 0; i < warmupRounds; i++) {
      Held h = park(transport, t, warmers, roomId, head(t, roomId, admin), ctx);
      try {
        h.awaitQuiet(t.pid());
        h.wakeAll(t, roomId, admin, graceS);
      } finally {
        h.stop();
      }
    }
    if (transport != Transport.SYNC)
      awaitOpen(t, 0, new Held(0)); // the warm-up rounds' streams are gone
    List<BenchUser> holders = tokens.users("held-" + transport.label(), users);
    String cursor = head(t, roomId, admin);
    LockSupport.parkNanos(500_000_000L);
    long heapBefore = Jcmd.usedHeapKibAfterGc(t.pid());
    long threadsBefore = ProcStats.threads(t.pid());
    long rssBefore = ProcStats.rssKb(t.pid());

    Held h = park(transport, t, holders, roomId, cursor, ctx);
    try {
      double sendSeconds = h.sentSeconds;
      h.awaitQuiet(t.pid());
      double parkedAfterS = (System.nanoTime() - h.t0) / 1e9;
      long answeredEarly = h.wake.answered.sum();
      if (h.failures() > users / 100)
        throw new BenchFailure("the server refused the held syncs: " + h.errors.first);
      long heapParked = Jcmd.usedHeapKibAfterGc(t.pid());
      long threadsParked = ProcStats.threads(t.pid());
      long rssParked = ProcStats.rssKb(t.pid());
      double heldSeconds = (System.nanoTime() - h.t0) / 1e9;
      if (transport == Transport.SYNC && heldSeconds > timeoutMs / 1000.0 - 5) {
        throw new BenchFailure(
            String.format(
                Locale.ROOT,
                "parking and measuring took %.0f s, too close to the %d ms sync timeout",
                heldSeconds,
                timeoutMs));
      }
      CpuMeter.Window w = h.wakeAll(t, roomId, admin, graceS);
      long delivered = h.wake.delivered.sum();
      r.put(tp + "users", users).put(tp + "sync_timeout_ms", timeoutMs).put(tp + "room_id", roomId);
      r.put(tp + "warmup_rounds", warmupRounds).put(tp + "warmup_users", warmupUsers);
      r.put(tp + "send_syncs_s", sendSeconds).put(tp + "parked_after_s", parkedAfterS);
      r.put(tp + "heap_kib_before", heapBefore).put(tp + "heap_kib_parked", heapParked);
      r.put(tp + "heap_kib_per_held_request", (heapParked - heapBefore) / (double) users);
      r.put(tp + "threads_before", threadsBefore).put(tp + "threads_parked", threadsParked);
      r.put(
          tp + "platform_threads_per_held_request",
          (threadsParked - threadsBefore) / (double) users);
      r.put(tp + "server_rss_kb_before", rssBefore).put(tp + "server_rss_kb_parked", rssParked);
      r.put(tp + "rss_kib_per_held_request", (rssParked - rssBefore) / (double) users);
      r.put(tp + "answered_before_message", answeredEarly);
      r.put(tp + "delivered", delivered)
          .put(tp + "expected", users)
          .put(tp + "lost", users - delivered);
      r.put(tp + "empty_answers", h.wake.empty.sum())
          .put(tp + "duplicates", h.wake.duplicates.sum());
      r.put(tp + "sync_errors", h.failures());
      h.wake.latency.report(r, tp + "wake_");
      for (int pct : new int[] {1, 10, 25, 75})
        r.put(tp + "wake_p" + pct + "_ms", h.wake.latency.percentileMs(pct));
      w.report(r, tp + "wake_", "delivery", delivered);
      r.line(
          "parked (%s): %d held syncs sent in %.1f s; heap %d -> %d KiB after GC = %.2f KiB per held request",
          transport.label(),
          users,
          sendSeconds,
          heapBefore,
          heapParked,
          (heapParked - heapBefore) / (double) users);
      r.line(
          "  threads %d -> %d (%.4f platform threads per held request); RSS %d -> %d kB",
          threadsBefore,
          threadsParked,
          (threadsParked - threadsBefore) / (double) users,
          rssBefore,
          rssParked);
      r.line(
          "  one message: delivered to %d of %d held syncs (lost %d, answered before the message %d, errors %d)",
          delivered, users, users - delivered, answeredEarly, h.failures());
      r.line(
          "  wake-up latency (after %d warm-up rounds of %d): %s",
          warmupRounds, warmupUsers, h.wake.latency.summary());
      r.line("  %s", w.summary("delivery", delivered));
      if (h.errors.first != null) r.line("  first sync error: %s", h.errors.first);
    } finally {
      h.stop();
    }
  }

  private static String head(Target t, String roomId, BenchUser admin) {
    try (Api api = new Api(t)) {
      return api.startCursor(roomId, admin);
    }
  }

  private Held park(
      Transport transport, Target t, List<BenchUser> who, String roomId, String cursor, Context ctx)
      throws InterruptedException {
    Held h = new Held(who.size());
    Receiver.Run run = new Receiver.Run(t, roomId, h.wake, h.connects, h.started, h.errors);
    for (BenchUser u : who) {
      Receiver p = transport.receiver(run, u, cursor, timeoutMs, 1);
      h.pollers.add(p);
      h.threads.add(Thread.ofVirtual().start(p));
    }
    if (!h.started.await(Math.max(1, Math.min(60, (long) ctx.secondsLeft())), TimeUnit.SECONDS)) {
      h.stop();
      throw new BenchFailure(
          "only "
              + (who.size() - h.started.getCount())
              + " of "
              + who.size()
              + " receivers started within 60 s");
    }
    if (transport != Transport.SYNC) awaitOpen(t, who.size(), h);
    h.sentSeconds = (System.nanoTime() - h.t0) / 1e9;
    return h;
  }

  /**
   * A stream counts once the server opened it (a WebSocket's after its resume frame): /readyz says
   * how many.
   */
  private static void awaitOpen(Target t, int n, Held h) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    try (Api api = new Api(t)) {
      int open;
      while ((open = api.openStreams())
          != n) { // exactly: streams of an earlier round may still be closing
        if (System.nanoTime() > deadline) {
          h.stop();
          throw new BenchFailure(
              "only " + open + " of " + n + " streams were open on the server within 60 s");
        }
        Thread.sleep(50);
      }
    }
  }

  /** One batch of held syncs. */
  private static final class Held {
    final long t0 = System.nanoTime();
    final int size;
    final Wake wake = new Wake();
    final ReceiverErrors errors = new ReceiverErrors();
    final CountDownLatch started;
    final Semaphore connects = new Semaphore(256);
    final List<Receiver> pollers = new ArrayList<>();
    final List<Thread> threads = new ArrayList<>();
    double sentSeconds;

    Held(int size) {
      this.size = size;
      this.started = new CountDownLatch(size);
    }

    long failures() {
      return errors.non200.get() + errors.transport.get();
    }

    /**
     * Waits (at most 15 s) until the server has gone quiet: under 5% of a core over half a second.
     */
    void awaitQuiet(long pid) {
      long end = System.nanoTime() + 15_000_000_000L;
      LockSupport.parkNanos(1_000_000_000L);
      while (System.nanoTime() < end) {
        long c0 = ProcStats.cpuNanos(pid);
        LockSupport.parkNanos(500_000_000L);
        long c1 = ProcStats.cpuNanos(pid);
        if (c0 >= 0 && c1 - c0 < 25_000_000L) return;
      }
    }

    /** Posts one marked message and waits (bounded) until every held sync has answered. */
    CpuMeter.Window wakeAll(Target t, String roomId, BenchUser admin, int graceS) {
      CpuMeter cpu = CpuMeter.start(t.pid());
      try (Api api = new Api(t)) {
        wake.sentAt.set(System.nanoTime());
        api.postMessage(roomId, admin, Wire.marker(0, System.nanoTime()));
      }
      long graceEnd = System.nanoTime() + graceS * 1_000_000_000L;
      while (System.nanoTime() < graceEnd && wake.answered.sum() + failures() < size)
        LockSupport.parkNanos(20_000_000L);
      return cpu.stop();
    }

    void stop() throws InterruptedException {
      for (Receiver p : pollers) p.stop();
      for (Thread th : threads) th.join(2000);
    }
  }

  /** Counts the answers of the held syncs. */
  private static final class Wake implements Receiver.Listener {
    final AtomicLong sentAt = new AtomicLong();
    final LongAdder answered = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder empty = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final Histogram latency = new Histogram();

    @Override
    public void onResponse(Receiver poller, String body, long now) {
      answered.increment();
      long[] found = new long[1];
      Wire.scan(
          body,
          (seq, nanos) -> {
            if (found[0]++ == 0) {
              delivered.increment();
              latency.recordNanos(now - sentAt.get());
            } else {
              duplicates.increment();
            }
          });
      if (found[0] == 0) empty.increment();
    }
  }
}
