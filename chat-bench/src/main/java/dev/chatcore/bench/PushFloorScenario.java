package dev.chatcore.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
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
    AtomicLongArray sentAt = new AtomicLongArray(total + 1);
    Histogram latency = new Histogram();
    try (ManagedProcess floor = ctx.startPushFloor(frameBytes)) {
      Target t = Target.of(floor.url(), null, floor.pid());
      CountDownLatch open = new CountDownLatch(users);
      List<FloorReceiver> receivers = new ArrayList<>(users);
      for (int i = 0; i < users; i++) {
        FloorReceiver receiver = new FloorReceiver(t, warmup, sentAt, latency, open);
        receivers.add(receiver);
        Thread.startVirtualThread(receiver);
      }
      if (!open.await(60, TimeUnit.SECONDS))
        throw new BenchFailure("push-floor streams did not all open within 60 s");
      CpuMeter cpu = null;
      try (HttpConnection sender = HttpConnection.to(t)) {
        long start = System.nanoTime();
        for (int id = 1; id <= total; id++) {
          if (id == warmup + 1) cpu = CpuMeter.start(t.pid());
          long due = start + (long) ((id - 1) * 1e9 / rate);
          LockSupport.parkNanos(due - System.nanoTime());
          sentAt.set(id, System.nanoTime());
          HttpResponse answer = sender.send("POST", "/push?id=" + id, null, null, 30_000);
          if (answer.status() != 204) throw new BenchFailure("push answered " + answer.status());
          if (System.nanoTime() > ctx.deadlineNanos) throw new BenchFailure("past --max-seconds");
        }
      }
      long graceEnd = System.nanoTime() + (long) (graceSeconds * 1e9);
      while (System.nanoTime() < graceEnd && !receivers.stream().allMatch(x -> x.last == total))
        LockSupport.parkNanos(10_000_000L);
      CpuMeter.Window w = cpu == null ? CpuMeter.start(t.pid()).stop() : cpu.stop();
      long delivered = 0;
      long lost = 0;
      long duplicates = 0;
      for (FloorReceiver x : receivers) {
        x.stop();
        delivered += x.measured;
        lost += x.skipped + (total - x.last);
        duplicates += x.repeated;
      }
      r.put("pushfloor_users", users)
          .put("pushfloor_rate", rate)
          .put("pushfloor_messages", messages);
      r.put("pushfloor_frame_bytes", frameBytes).put("pushfloor_deliveries", delivered);
      r.put("pushfloor_lost", lost).put("pushfloor_duplicates", duplicates);
      latency.report(r, "pushfloor_latency_");
      w.report(r, "pushfloor_", "delivery", delivered);
      r.line(
          "push floor (Undertow writing a %d-byte SSE frame to every stream on the IO thread):"
              + " %d receivers x %d messages at %.0f msg/s: %d delivered, %d lost, %d duplicates",
          frameBytes, users, messages, rate, delivered, lost, duplicates);
      r.line("  latency from the POST's start: %s", latency.summary());
      r.line("  %s", w.summary("delivery", delivered));
      if (lost > 0 || duplicates > 0)
        throw new BenchFailure(
            "the push floor lost or repeated frames: " + lost + "/" + duplicates);
    }
  }

  /** One SSE response on a raw socket, read on its own virtual thread; counts frames by id. */
  private static final class FloorReceiver implements Runnable {
    volatile long last;
    volatile long measured;
    volatile long skipped;
    volatile long repeated;
    private final Target target;
    private final int warmup;
    private final AtomicLongArray sentAt;
    private final Histogram latency;
    private final CountDownLatch open;
    private final Socket socket = new Socket();
    private final byte[] line = new byte[256];
    private boolean opened;

    FloorReceiver(
        Target target, int warmup, AtomicLongArray sentAt, Histogram latency, CountDownLatch open) {
      this.target = target;
      this.warmup = warmup;
      this.sentAt = sentAt;
      this.latency = latency;
      this.open = open;
    }

    @Override
    public void run() {
      try {
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(target.host(), target.port()), 10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("GET /events HTTP/1.1\r\nHost: " + target.host() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        read(socket.getInputStream());
      } catch (IOException e) {
        // stopped, or the server went away: the counts say what arrived
      } finally {
        if (!opened) open.countDown(); // never leave the scenario waiting on one that failed
      }
    }

    /** Reads lines; the first {@code : open} comment means the stream is up. */
    private void read(InputStream in) throws IOException {
      byte[] buf = new byte[16384];
      int length = 0;
      int n;
      while ((n = in.read(buf)) > 0) {
        for (int i = 0; i < n; i++) {
          byte b = buf[i];
          if (b != '\n') {
            if (length < line.length) line[length] = b;
            length++;
            continue;
          }
          if (!opened && startsWith(length, ": open")) {
            opened = true;
            open.countDown();
          } else if (startsWith(length, "id: ")) {
            frame(Long.parseLong(new String(line, 4, length - 4, StandardCharsets.US_ASCII)));
          }
          length = 0;
        }
      }
    }

    private boolean startsWith(int length, String prefix) {
      if (length < prefix.length()) return false;
      for (int i = 0; i < prefix.length(); i++) if (line[i] != prefix.charAt(i)) return false;
      return true;
    }

    private void frame(long id) {
      long now = System.nanoTime();
      if (id <= last) {
        repeated++;
        return;
      }
      skipped += id - last - 1;
      last = id;
      if (id > warmup) {
        measured++;
        latency.recordNanos(now - sentAt.get((int) id));
      }
    }

    void stop() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing is all that is left to do
      }
    }
  }
}
