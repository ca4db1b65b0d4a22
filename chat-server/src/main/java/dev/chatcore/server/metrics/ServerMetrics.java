package dev.chatcore.server.metrics;

import dev.chatcore.adapter.http.RequestObserver;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.domain.port.ChatStorage;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.util.function.IntSupplier;

/**
 * The server's metrics: one Prometheus registry with the JVM's binders (memory, GC, threads, class
 * loading, CPU, uptime) and the chat's own meters, which it hands out as the observers and
 * decorators the rest of the server plugs in. Made only when {@code CHAT_MANAGEMENT_PORT} is set:
 * without it nothing is measured and no observer costs anything.
 */
public final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Clock clock;
  private final ChatMeters chat;
  private final HttpMeters http;
  private final JanitorMeters janitor;

  /**
   * @param clock the clock events are stamped with, for the feed's lag
   */
  public ServerMetrics(Clock clock) {
    this.clock = clock;
    new ClassLoaderMetrics().bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    this.chat = new ChatMeters(registry);
    this.http = new HttpMeters(registry);
    this.janitor = new JanitorMeters(registry);
  }

  /** Counts what only the core sees: deliveries, rate-limit refusals, bans. */
  public ChatObserver chat() {
    return chat;
  }

  /** Counts and times HTTP requests by route template and status. */
  public RequestObserver requests() {
    return http;
  }

  /** Counts janitor runs and what each rule removed. */
  public JanitorRuns janitor() {
    return janitor;
  }

  /** {@code storage} with every port call timed, and its feed's lag measured. */
  public ChatStorage storage(ChatStorage storage) {
    return MeteredStorage.of(storage, registry, clock);
  }

  /** The gauge {@code chat_syncs_held}: long-polls held now. */
  public void heldSyncs(IntSupplier count) {
    Gauge.builder("chat.syncs.held", () -> count.getAsInt())
        .description("Long-poll syncs held now (at most sync_held_per_account per account)")
        .register(registry);
  }

  /**
   * The gauge {@code chat_streams_open{transport}}: live streams open now. The hook for streaming
   * transports: {@code metrics.openStreams("sse", streams::openCount)} is all one needs.
   *
   * @param transport a fixed name such as {@code sse} or {@code websocket} (a label value)
   */
  public void openStreams(String transport, IntSupplier count) {
    Gauge.builder("chat.streams.open", () -> count.getAsInt())
        .description("Live event streams open now")
        .tag("transport", transport)
        .register(registry);
  }

  /** Every meter in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
