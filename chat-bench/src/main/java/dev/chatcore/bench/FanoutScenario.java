package dev.chatcore.bench;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code fanout}: N receivers follow one channel (each holding a sync, or an SSE or WebSocket
 * stream: {@code --transport}); one sender posts M marked messages at a fixed rate R; every
 * (message, receiver) delivery is timed, lost and duplicate deliveries are counted. With {@code
 * --saturate true} the rate steps up until p99 passes 1 s or a delivery is lost. {@code --slow K}
 * makes K receivers stop reading after the warm-up (slow consumers, left out of the counts). {@code
 * --transport sync,sse,ws} runs it once per transport against the same server, keys prefixed {@code
 * sync_}, {@code sse_}, {@code ws_}.
 */
final class FanoutScenario implements Scenario {
  private static final List<Double> DEFAULT_STEPS =
      List.of(5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 400.0, 800.0, 1600.0, 3200.0);

  private final int users;
  private final double rate;
  private final int messages;
  private final int warmup;
  private final int graceS;
  private final int waitMs;
  private final boolean saturate;
  private final boolean crossNode;
  private final List<Double> steps;
  private final double stepSeconds;
  private final double p99LimitMs;
  private final int senderConnections;
  private final Warmup warmupRounds;
  private final int postsPerSenderPerS;
  private final List<Transport> transports;
  private final int slow;

  /** With {@code --compare-floor true}: the push floor, run first with the same receivers. */
  private final PushFloorScenario floor;

  FanoutScenario(Options o) {
    users = (int) o.number("users", 1000, 1, 50_000);
    rate = o.decimal("rate", 20);
    messages = (int) o.number("messages", 300, 1, 10_000_000);
    warmup = (int) o.number("warmup", 20, 0, 100_000);
    warmupRounds =
        new Warmup(o, 0); // at least --warmup messages, then until the server's JIT settles
    graceS = (int) o.number("grace", 10, 0, 600);
    waitMs = (int) o.number("wait", 30_000, 1000, 60_000);
    saturate = o.flag("saturate", false);
    steps = o.decimals("steps", DEFAULT_STEPS);
    stepSeconds = o.decimal("step-seconds", 10);
    p99LimitMs = o.decimal("p99-limit-ms", 1000);
    senderConnections = (int) o.number("sender-connections", 8, 1, 1000);
    postsPerSenderPerS = (int) o.number("posts-per-sender-per-s", 10, 1, 1_000_000);
    crossNode = o.flag("cross-node", false);
    transports = Transport.parse(o);
    slow = (int) o.number("slow", 0, 0, 50_000);
    if (slow >= users) throw new IllegalArgumentException("--slow must be below --users");
    floor = o.flag("compare-floor", false) && !saturate ? new PushFloorScenario(o) : null;
  }

  @Override
  public void run(Context ctx, Result r) throws Exception {
    r.put("users", users).put("wait_ms", waitMs).put("saturate", saturate).put("slow", slow);
    r.put("transports", String.join(",", transports.stream().map(Transport::label).toList()));
    if (floor != null) floor.run(ctx, r); // before the chat server starts: alone on the machine
    for (Transport transport : transports) {
      String tp = transports.size() == 1 ? "" : transport.label() + "_";
      if (transports.size() == 1) r.put("transport", transport.label());
      r.line("== %s ==", transport.label());
      runOne(ctx, r, transport, tp);
    }
    if (transports.size() > 1 && transports.contains(Transport.SYNC)) {
      for (Transport tr : transports) {
        if (tr == Transport.SYNC) continue;
        String key = saturate ? "saturate_max_deliveries_per_s" : "server_cpu_us_per_delivery";
        double ratio =
            Result.ratio(r.getDouble(tr.label() + "_" + key), r.getDouble("sync_" + key));
        r.put(tr.label() + "_to_sync_" + (saturate ? "saturate_ratio" : "cpu_ratio"), ratio);
        r.line(
            "%s vs sync: %s ratio %.2f",
            tr.label(), saturate ? "saturated deliveries/s" : "server CPU per delivery", ratio);
      }
    }
    if (floor != null) compareWithFloor(r);
  }

  /** Each transport's server CPU per delivery as a multiple of the push floor's. */
  private void compareWithFloor(Result r) {
    double floorCpu = r.getDouble("pushfloor_server_cpu_us_per_delivery");
    for (Transport tr : transports) {
      String prefix = transports.size() == 1 ? "" : tr.label() + "_";
      double ratio = Result.ratio(r.getDouble(prefix + "server_cpu_us_per_delivery"), floorCpu);
      r.put(tr.label() + "_to_floor_cpu_ratio", ratio);
      r.line("%s vs the push floor: server CPU per delivery ratio %.2f", tr.label(), ratio);
    }
  }

  private void runOne(Context ctx, Result r, Transport transport, String tp) throws Exception {
    Target t = ctx.target();
    Tokens tokens = ctx.tokens();
    BenchUser admin = tokens.user("bench-admin", true);
    String roomId;
    String cursor;
    try (Api api = new Api(t)) {
      roomId = api.createChannel(admin, "bench-fanout-" + System.currentTimeMillis());
      cursor = api.startCursor(roomId, admin);
    }
    r.put(tp + "room_id", roomId);
    r.put(tp + "server_rss_kb_idle", ProcStats.rssKb(t.pid()));

    // fresh accounts per transport: a stream cap or a held-sync cap of one run cannot touch the
    // next
    FanoutReceivers rx =
        FanoutReceivers.start(
            transport,
            t,
            tokens.users("rx-" + transport.label(), users),
            roomId,
            cursor,
            waitMs,
            ctx);
    r.put(tp + "setup_s", rx.setupSeconds);
    r.line(
        "setup: %d %s receivers in %.1f s (room %s)",
        users, transport.label(), rx.setupSeconds, roomId);
    double maxRate = saturate ? steps.get(steps.size() - 1) : rate;
    // --cross-node: receivers hold their syncs on node A, the sender posts to node B
    Target senderTarget = crossNode ? ctx.secondTarget() : t;
    r.put(tp + "cross_node", crossNode);
    FanoutSender sender =
        new FanoutSender(
            senderTarget,
            tokens,
            (int) Math.ceil(maxRate / postsPerSenderPerS),
            roomId,
            senderConnections);
    try {
      if (warmup > 0) {
        double warmRate = saturate ? steps.get(0) : rate;
        sender.send(null, warmRate, warmup, ctx.deadlineNanos);
        Warmup.Report warm =
            warmupRounds.run(
                t.pid(),
                seconds ->
                    sender.send(
                        null,
                        warmRate,
                        (int) Math.max(1, Math.round(warmRate * seconds)),
                        ctx.deadlineNanos));
        warm.put(r, tp);
        r.line("%d warm-up messages, then %s", warmup, warm.summary());
        LockSupport.parkNanos(1_000_000_000L);
      }
      r.put(tp + "warmup", warmup);
      if (slow > 0) {
        rx.pause(slow);
        r.line("%d receivers stopped reading (slow consumers); %d measured", slow, rx.live());
        LockSupport.parkNanos(1_000_000_000L);
      }
      if (saturate) saturate(ctx, t, rx, sender, r, tp);
      else {
        FanoutRound round = rx.newRound(rate, messages);
        measure(ctx, t, rx, sender, round, r, tp);
      }
      r.put(tp + "streams_reopened", rx.reopened());
      if (t.pid() > 0) {
        long heap = Jcmd.usedHeapKibAfterGc(t.pid());
        r.put(tp + "server_heap_kib_after_gc", heap);
        r.line(
            "  server heap after the run (after a full GC): %d KiB; streams reopened by receivers: %d",
            heap, rx.reopened());
      }
    } finally {
      rx.stop();
    }
    rx.checkHealthy();
  }

  private void saturate(
      Context ctx, Target t, FanoutReceivers rx, FanoutSender sender, Result r, String tp)
      throws Exception {
    double bestRate = Double.NaN;
    double bestDeliveries = Double.NaN;
    double bestCpu = Double.NaN;
    double bestP99 = Double.NaN;
    String stop = "all steps passed";
    int k = 0;
    for (double stepRate : steps) {
      int count = (int) Math.max(1, Math.round(stepRate * stepSeconds));
      double needS = count / stepRate + graceS + 5;
      if (ctx.secondsLeft() < needS) {
        stop = "no time left for step " + fmt(stepRate) + " msg/s (--max-seconds)";
        break;
      }
      String prefix = tp + "step" + (++k) + "_";
      FanoutRound round = rx.newRound(stepRate, count);
      measure(ctx, t, rx, sender, round, r, prefix);
      double p99 = round.latency.percentileMs(99);
      long lost = (long) r.getDouble(prefix + "lost");
      double lagMs = r.getDouble(prefix + "sender_max_lag_ms");
      if (lost > 0 || round.duplicates.sum() > 0 || !(p99 <= p99LimitMs)) {
        stop =
            String.format(
                Locale.ROOT,
                "step %s msg/s: p99 %.1f ms, lost %d, duplicates %d",
                fmt(stepRate),
                p99,
                lost,
                round.duplicates.sum());
        break;
      }
      bestRate = stepRate;
      bestDeliveries = r.getDouble(prefix + "deliveries_per_s");
      bestCpu = r.getDouble(prefix + "server_cpu_us_per_delivery");
      bestP99 = p99;
      if (lagMs > 1000) {
        stop =
            "step "
                + fmt(stepRate)
                + " msg/s: the sender ran more than 1 s behind its schedule (client-bound)";
        break;
      }
    }
    r.put(tp + "steps_run", k);
    r.put(tp + "saturate_max_rate", bestRate);
    r.put(tp + "saturate_max_deliveries_per_s", bestDeliveries);
    r.put(tp + "saturate_p99_ms", bestP99);
    r.put(tp + "saturate_server_cpu_us_per_delivery", bestCpu);
    r.put(tp + "saturate_stop_reason", stop);
    if (Double.isNaN(bestRate)) r.line("saturate: no step passed; stopped: %s", stop);
    else
      r.line(
          "saturate: best step %s msg/s -> %.0f deliveries/s with p99 %.1f ms, server %.1f us/delivery; stopped: %s",
          fmt(bestRate), bestDeliveries, bestP99, bestCpu, stop);
  }

  private void measure(
      Context ctx,
      Target t,
      FanoutReceivers rx,
      FanoutSender sender,
      FanoutRound round,
      Result r,
      String p)
      throws Exception {
    long rssBefore = ProcStats.rssKb(t.pid());
    long pollsBefore = rx.errors.responses.get();
    int live = rx.live();
    CpuMeter cpu = CpuMeter.start(t.pid());
    long t0 = System.nanoTime();
    LoadStats send = sender.send(round, round.rate, round.count, ctx.deadlineNanos);
    long expected = send.ok.sum() * live;
    long graceEnd = Math.min(System.nanoTime() + graceS * 1_000_000_000L, ctx.deadlineNanos);
    while (System.nanoTime() < graceEnd && round.delivered.sum() < expected)
      LockSupport.parkNanos(20_000_000L);
    CpuMeter.Window w = cpu.stop();
    long delivered = round.delivered.sum();
    long last = round.lastDelivery.get();
    double deliverySeconds = Math.max((last > t0 ? last - t0 : System.nanoTime() - t0) / 1e9, 1e-9);
    r.put(p + "rate", round.rate).put(p + "messages", round.count).put(p + "receivers_live", live);
    r.put(p + "sent_ok", send.ok.sum())
        .put(p + "send_non_2xx", send.non2xx.sum())
        .put(p + "send_errors", send.errors.sum());
    r.put(p + "sender_max_lag_ms", send.maxLagNanos.get() / 1e6);
    r.put(p + "post_p50_ms", send.latency.percentileMs(50))
        .put(p + "post_p99_ms", send.latency.percentileMs(99));
    r.put(p + "expected", expected)
        .put(p + "delivered", delivered)
        .put(p + "lost", Math.max(0, expected - delivered));
    r.put(p + "duplicates", round.duplicates.sum());
    r.put(p + "deliveries_per_s", delivered / deliverySeconds);
    round.latency.report(r, p);
    round.fromAck.report(r, p + "from_ack_");
    r.put(p + "delivered_before_post_answer", round.beforeAck.sum());
    long polls = rx.errors.responses.get() - pollsBefore;
    r.put(p + "poll_responses", polls);
    r.put(p + "poll_errors", rx.errors.non200.get() + rx.errors.transport.get());
    r.put(p + "receivers_dead", rx.dead());
    r.put(
        p + "msgs_per_poll",
        round.pollsWithMessages.sum() == 0
            ? Double.NaN
            : (double) delivered / round.pollsWithMessages.sum());
    w.report(r, p, "delivery", delivered);
    r.put(p + "server_rss_kb_before", rssBefore)
        .put(p + "server_rss_kb_after", ProcStats.rssKb(t.pid()));
    String label =
        (p.isEmpty() ? "fanout" : p.substring(0, p.length() - 1))
            + " ("
            + rx.transport.label()
            + ")";
    r.line(
        "%s: N=%d R=%s msg/s, %d msgs: delivered %d of %d (lost %d, dups %d), %.0f deliveries/s, %.2f msgs/poll",
        label,
        live,
        fmt(round.rate),
        send.ok.sum(),
        delivered,
        expected,
        Math.max(0, expected - delivered),
        round.duplicates.sum(),
        delivered / deliverySeconds,
        r.getDouble(p + "msgs_per_poll"));
    r.line("  latency from scheduled send: %s", round.latency.summary());
    r.line(
        "  latency from POST answer:    %s; POST p99 %.2f ms; sender max lag %.2f ms; send errors %d, non-2xx %d",
        round.fromAck.summary(),
        send.latency.percentileMs(99),
        send.maxLagNanos.get() / 1e6,
        send.errors.sum(),
        send.non2xx.sum());
    r.line("  %s", w.summary("delivery", delivered));
    if (send.firstFailure() != null) r.line("  first send failure: %s", send.firstFailure());
    if (rx.errors.first != null) r.line("  first sync error: %s", rx.errors.first);
    if (expected > delivered) {
      LossReport.report(rx.receivers, round, r, p); // the state at the end of the grace period
      // Late or never? A missed wake-up shows up when the held sync times out (--wait), an
      // unanswered request when the client gives up on it (--wait + 30 s) and polls again from the
      // same cursor.
      long lateEnd =
          Math.min(
              System.nanoTime() + (waitMs + 35_000L) * 1_000_000L,
              ctx.deadlineNanos - 5_000_000_000L);
      while (System.nanoTime() < lateEnd && round.delivered.sum() < expected)
        LockSupport.parkNanos(50_000_000L);
      long late = round.delivered.sum() - delivered;
      r.put(p + "arrived_after_grace", late)
          .put(p + "lost_after_extra_wait", Math.max(0, expected - round.delivered.sum()));
      r.line(
          "  %d of the %d lost deliveries arrived later, within %d ms more (late, not skipped)",
          late, expected - delivered, waitMs + 35_000);
    }
    System.err.printf(
        Locale.ROOT,
        "%s: %d/%d delivered, p99 %.1f ms, %.0f deliveries/s%n",
        label,
        delivered,
        expected,
        round.latency.percentileMs(99),
        delivered / deliverySeconds);
  }

  static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
