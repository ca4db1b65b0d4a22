package dev.chatcore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code pushfloor}: the fan-out of {@code fanout --transport sse} against {@link PushFloorServer}.
 * N receivers each hold one SSE response, one sender posts at R msg/s, and every receiver must get
 * every frame. The server's CPU per delivery is the floor under any live push on this machine with
 * this client and these cores: the chat server's figure in the same conditions, minus this, is what
 * its chat logic (the read, the ban check, the encoding, the thread hop) costs. Latency is measured
 * from the moment the sender starts its POST (the floor writes before it answers).
 */
final class PushFloorScenario implements Scenario {
  private final int users;
  private final double rate;
  private final int messages;
  private final int warmup;
  private final int frameBytes;
  private final double graceSeconds;

  PushFloorScenario(Options o) {
    users = (int) o.number("users", 1000, 1, 20_000);
    rate = o.decimal("rate", 20);
    messages = (int) o.number("messages", 300, 1, 1_000_000);
    warmup = (int) o.number("warmup", 200, 0, 1_000_000);
    frameBytes = (int) o.number("frame-bytes", 320, 64, 65_536);
    graceSeconds = o.decimal("grace", 10);
  }

  @Override
  public void run(Context ctx, Result r) throws Exception {
    int total = warmup + messages;
    Frames frames = new Frames(warmup, total);
    try (ManagedProcess floor = ctx.startPushFloor(frameBytes)) {
      Target t = Target.of(floor.url(), null, floor.pid());
      CountDownLatch open = new CountDownLatch(users);
      ReceiverErrors errors = new ReceiverErrors();
      Receiver.Run run = new Receiver.Run(t, "floor", frames, new Semaphore(128), open, errors);
      BenchUser nobody = new BenchUser("000000000000000000000000", "floor", false, "none");
      List<Receiver> receivers = new ArrayList<>(users);
      for (int i = 0; i < users; i++) {
        Receiver receiver = new SseReceiver(run, nobody, "0"); // the floor ignores both
        receivers.add(receiver);
        Thread.startVirtualThread(receiver);
      }
      if (!open.await(60, TimeUnit.SECONDS) || receivers.stream().anyMatch(Receiver::dead))
        throw new BenchFailure("push-floor streams did not all open within 60 s");
      CpuMeter cpu = null;
      try (HttpConnection sender = HttpConnection.to(t)) {
        long start = System.nanoTime();
        for (int id = 1; id <= total; id++) {
          if (id == warmup + 1) cpu = CpuMeter.start(t.pid());
          long due = start + (long) ((id - 1) * 1e9 / rate);
          LockSupport.parkNanos(due - System.nanoTime());
          frames.sentAt.set(id, System.nanoTime());
          HttpResponse answer = sender.send("POST", "/push?id=" + id, null, null, 30_000);
          if (answer.status() != 204) throw new BenchFailure("push answered " + answer.status());
          if (System.nanoTime() > ctx.deadlineNanos) throw new BenchFailure("past --max-seconds");
        }
      }
      long expected = (long) users * total;
      long graceEnd = System.nanoTime() + (long) (graceSeconds * 1e9);
      while (System.nanoTime() < graceEnd && frames.received.sum() < expected)
        LockSupport.parkNanos(10_000_000L);
      CpuMeter.Window w = cpu == null ? CpuMeter.start(t.pid()).stop() : cpu.stop();
      for (Receiver x : receivers) x.stop();
      long delivered = frames.measured.sum();
      long lost = expected - frames.received.sum();
      long duplicates = frames.repeated.sum();
      r.put("pushfloor_users", users)
          .put("pushfloor_rate", rate)
          .put("pushfloor_messages", messages);
      r.put("pushfloor_frame_bytes", frameBytes).put("pushfloor_deliveries", delivered);
      r.put("pushfloor_lost", lost).put("pushfloor_duplicates", duplicates);
      frames.latency.report(r, "pushfloor_latency_");
      w.report(r, "pushfloor_", "delivery", delivered);
      r.line(
          "push floor (Undertow writing a %d-byte SSE frame to every stream on the IO thread):"
              + " %d receivers x %d messages at %.0f msg/s: %d delivered, %d lost, %d duplicates",
          frameBytes, users, messages, rate, delivered, lost, duplicates);
      r.line("  latency from the POST's start: %s", frames.latency.summary());
      r.line("  %s", w.summary("delivery", delivered));
      if (lost > 0 || duplicates > 0)
        throw new BenchFailure(
            "the push floor lost or repeated frames: " + lost + "/" + duplicates);
    }
  }

  /**
   * What the receivers (the fanout's own {@link SseReceiver}s) get: each frame's {@code data:} is
   * {@code {"n":<id>,...}}; a receiver's {@link Receiver#seen} tells a repeat.
   */
  private static final class Frames implements Receiver.Listener {
    final AtomicLongArray sentAt;
    final Histogram latency = new Histogram();
    final LongAdder received = new LongAdder();
    final LongAdder measured = new LongAdder();
    final LongAdder repeated = new LongAdder();
    private final int warmup;

    Frames(int warmup, int total) {
      this.warmup = warmup;
      this.sentAt = new AtomicLongArray(total + 1);
    }

    @Override
    public void onResponse(Receiver receiver, String body, long nowNanos) {
      int id = Integer.parseInt(body, 5, body.indexOf(',', 5), 10); // {"n":<id>,
      if (receiver.seen.get(id)) {
        repeated.increment();
        return;
      }
      receiver.seen.set(id); // one thread per receiver
      received.increment();
      if (id > warmup) {
        measured.increment();
        latency.recordNanos(nowNanos - sentAt.get(id));
      }
    }
  }
}
