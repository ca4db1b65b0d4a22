package dev.chatcore.bench;

import java.util.List;

/**
 * {@code send}: C connections post messages to one channel as fast as the server answers (closed
 * loop, one request in flight per connection), after a warm-up. With {@code --compare-hello true}
 * (default) the same client first drives the Undertow hello-world ({@link HelloScenario}) with the
 * same connection count, and the run reports {@code send_to_hello_ratio}.
 */
final class SendScenario implements Scenario {
  private final int connections;
  private final double seconds;
  private final double warmupSeconds;
  private final boolean compareHello;

  /**
   * Post m.encrypted into an encrypted channel instead of m.plain (ciphertext as long as the text).
   */
  private final boolean encrypted;

  /** Pad each message's text (or ciphertext) to this many characters; 0 keeps the short text. */
  private final int textChars;

  private final HelloScenario hello;

  SendScenario(Options o) {
    connections = (int) o.number("connections", 64, 1, 20_000);
    seconds = o.decimal("duration", 15);
    warmupSeconds = o.decimal("warmup-seconds", 5);
    compareHello = o.flag("compare-hello", true);
    encrypted = o.flag("encrypted", false);
    textChars = (int) o.number("text-chars", 0, 0, 4000);
    hello = compareHello ? new HelloScenario(o) : null;
  }

  @Override
  public void run(Context ctx, Result r) throws Exception {
    if (compareHello) hello.run(ctx, r);
    Target t = ctx.target();
    Tokens tokens = ctx.tokens();
    BenchUser admin = tokens.user("bench-admin", true);
    String roomId;
    try (Api api = new Api(t)) {
      roomId = api.createChannel(admin, "bench-send-" + System.currentTimeMillis());
      api.postMessage(roomId, admin, "WARM#first");
      if (encrypted)
        api.call(
            "PUT",
            "/v1/rooms/" + roomId + "/encryption",
            admin,
            "{\"algorithm\":\"m.megolm.v1.aes-sha2\"}");
    }
    List<BenchUser> senders =
        encrypted ? tokens.usersOnDevices("tx", connections) : tokens.users("tx", connections);
    String path = "/v1/rooms/" + roomId + "/messages";
    long run = System.nanoTime();
    String pad = "x".repeat(textChars);
    RequestLoop.Call post =
        (c, seq, due) -> {
          int sender = (int) (seq % connections);
          String text = padded("SEND#" + run + "#" + seq, pad);
          return c.send(
              "POST",
              path,
              senders.get(sender).token(),
              encrypted ? Wire.encrypted(text, "D" + sender) : Wire.message(text),
              30_000);
        };
    LoadStats warm = RequestLoop.closedLoop(t, connections, warmupSeconds, post, ctx.deadlineNanos);
    if (warm.ok.sum() == 0) {
      throw new BenchFailure(
          "no message accepted during the warm-up; first failure: " + warm.firstFailure());
    }
    long rssBefore = ProcStats.rssKb(t.pid());
    CpuMeter cpu = CpuMeter.start(t.pid());
    LoadStats s = RequestLoop.closedLoop(t, connections, seconds, post, ctx.deadlineNanos);
    CpuMeter.Window w = cpu.stop();
    r.put("connections", connections)
        .put("duration_s", seconds)
        .put("room_id", roomId)
        .put("encrypted", encrypted)
        .put("text_chars", textChars);
    s.report(r, "send_");
    r.put("accepted_msgs_per_s", s.okPerSecond());
    w.report(r, "send_", "request", s.requests());
    r.put("send_server_rss_kb_before", rssBefore)
        .put("send_server_rss_kb_after", ProcStats.rssKb(t.pid()));
    r.line(
        "send%s: %d connections, %.0f s: %.0f accepted msgs/s, %d non-2xx (%s), %d transport errors",
        encrypted ? " (m.encrypted)" : "",
        connections,
        seconds,
        s.okPerSecond(),
        s.non2xx.sum(),
        s.statusSummary(),
        s.errors.sum());
    r.line("  latency: %s", s.latency.summary());
    r.line("  %s", w.summary("request", s.requests()));
    if (s.firstFailure() != null) r.line("  first failure: %s", s.firstFailure());
    if (compareHello) {
      double ratio = Result.ratio(s.okPerSecond(), r.getDouble("hello_ok_per_s"));
      r.put("send_to_hello_ratio", ratio);
      r.put(
          "send_to_hello_cpu_ratio",
          Result.ratio(
              r.getDouble("send_server_cpu_us_per_request"),
              r.getDouble("hello_server_cpu_us_per_request")));
      r.line(
          "send/hello: %.3f of the raw Undertow rate (%.0f vs %.0f req/s); server CPU per request %.1f vs %.1f us",
          ratio,
          s.okPerSecond(),
          r.getDouble("hello_ok_per_s"),
          r.getDouble("send_server_cpu_us_per_request"),
          r.getDouble("hello_server_cpu_us_per_request"));
    }
    if (s.ok.sum() == 0)
      throw new BenchFailure("no message accepted; first failure: " + s.firstFailure());
    RateLimitCheck.flag(r, s);
  }

  /** The unique prefix, then padding up to the padding's length (each message stays distinct). */
  private static String padded(String unique, String pad) {
    return pad.length() <= unique.length() ? unique : unique + pad.substring(unique.length());
  }
}
