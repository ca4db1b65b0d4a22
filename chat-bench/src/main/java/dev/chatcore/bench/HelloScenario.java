package dev.chatcore.bench;

/**
 * {@code hello}: the closed-loop client of {@code send} against {@link HelloServer} (Undertow
 * answering 2 bytes on its IO thread), started as a subprocess of this jar with the chat server's
 * JVM options. The raw HTTP rate of this machine, measured with the same client, connection count
 * and core sharing.
 */
final class HelloScenario implements Scenario {
  private final int connections;
  private final double seconds;
  private final double warmupSeconds;

  HelloScenario(Options o) {
    connections = (int) o.number("connections", 64, 1, 20_000);
    seconds = o.decimal("duration", 15);
    warmupSeconds = o.decimal("warmup-seconds", 5);
  }

  @Override
  public void run(Context ctx, Result r) throws Exception {
    try (ManagedProcess hello = ctx.startHello()) {
      Target t = Target.of(hello.url(), null, hello.pid());
      RequestLoop.Call get = (c, seq, due) -> c.get("/", null, 30_000);
      RequestLoop.closedLoop(t, connections, warmupSeconds, get, ctx.deadlineNanos);
      CpuMeter cpu = CpuMeter.start(t.pid());
      LoadStats s = RequestLoop.closedLoop(t, connections, seconds, get, ctx.deadlineNanos);
      CpuMeter.Window w = cpu.stop();
      r.put("hello_connections", connections).put("hello_duration_s", seconds);
      s.report(r, "hello_");
      w.report(r, "hello_", "request", s.requests());
      r.put("hello_server_rss_kb", ProcStats.rssKb(t.pid()));
      r.line(
          "hello (Undertow, 2-byte body on the IO thread): %d connections, %.0f s: %.0f req/s, non-2xx %d, errors %d",
          connections, seconds, s.okPerSecond(), s.non2xx.sum(), s.errors.sum());
      r.line("  latency: %s", s.latency.summary());
      r.line("  %s", w.summary("request", s.requests()));
      if (s.ok.sum() == 0)
        throw new BenchFailure("hello-server answered nothing: " + s.firstFailure());
    }
  }
}
