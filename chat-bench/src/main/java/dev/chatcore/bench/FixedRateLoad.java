package dev.chatcore.bench;

/**
 * The measured part of the fixed-rate request scenarios ({@code history}, {@code unread}): warm up
 * (see {@link Warmup}), then one open-loop window of {@code --rate} requests/s for {@code
 * --duration} seconds over {@code --connections} connections, with the server's CPU over that
 * window.
 */
final class FixedRateLoad {
  private final double rate;
  private final double seconds;
  private final int connections;
  private final Warmup warmup;

  FixedRateLoad(Options o, double defaultRate, int defaultConnections) {
    rate = o.decimal("rate", defaultRate);
    seconds = o.decimal("duration", 15);
    connections = (int) o.number("connections", defaultConnections, 1, 10_000);
    warmup = new Warmup(o, 3);
  }

  /** What one run measured. */
  record Measured(
      double rate,
      double seconds,
      int connections,
      Warmup.Report warm,
      LoadStats stats,
      CpuMeter.Window cpu) {
    /**
     * Puts every figure of the run into {@code r} and the summary lines, {@code what} naming the
     * request.
     */
    void report(Result r, String what) {
      r.put("rate", rate).put("duration_s", seconds).put("connections", connections);
      warm.put(r);
      stats.report(r, "");
      cpu.report(r, "", "request", stats.requests());
      r.line(
          "  %s at %.0f/s for %.0f s: %d ok, %d non-2xx (%s), %d errors; sender max lag %.2f ms",
          what,
          rate,
          seconds,
          stats.ok.sum(),
          stats.non2xx.sum(),
          stats.statusSummary(),
          stats.errors.sum(),
          stats.maxLagNanos.get() / 1e6);
      r.line("  %s", warm.summary());
      r.line("  latency from scheduled time: %s", stats.latency.summary());
      r.line("  %s", cpu.summary("request", stats.requests()));
      if (stats.firstFailure() != null) r.line("  first failure: %s", stats.firstFailure());
    }
  }

  Measured run(Context ctx, Target t, RequestLoop.Call call) throws Exception {
    Warmup.Report warm =
        warmup.run(
            t.pid(),
            length -> RequestLoop.fixedRate(t, rate, length, connections, call, ctx.deadlineNanos));
    CpuMeter meter = CpuMeter.start(t.pid());
    LoadStats stats = RequestLoop.fixedRate(t, rate, seconds, connections, call, ctx.deadlineNanos);
    return new Measured(rate, seconds, connections, warm, stats, meter.stop());
  }
}
