package dev.chatcore.server.metrics;

import dev.chatcore.application.retention.Janitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Janitor runs as {@code chat_janitor_runs_total{outcome="ok"|"failed"}} and what they removed as
 * {@code chat_janitor_removed_total{rule}}; the rules are the janitor's fixed names ({@link
 * Janitor.Run#removed()}), so the label stays bounded.
 */
final class JanitorMeters implements JanitorRuns {
  private final MeterRegistry registry;
  private final Counter ok;
  private final Counter failed;

  JanitorMeters(MeterRegistry registry) {
    this.registry = registry;
    this.ok = runs("ok");
    this.failed = runs("failed");
  }

  private Counter runs(String outcome) {
    return Counter.builder("chat.janitor.runs")
        .description("Retention janitor runs")
        .tag("outcome", outcome)
        .register(registry);
  }

  @Override
  public void succeeded(Janitor.Run run) {
    ok.increment();
    run.removed()
        .forEach(
            (rule, removed) ->
                Counter.builder("chat.janitor.removed")
                    .description("Records removed by the retention janitor, by rule")
                    .tag("rule", rule)
                    .register(registry)
                    .increment(removed));
  }

  @Override
  public void failed() {
    failed.increment();
  }
}
