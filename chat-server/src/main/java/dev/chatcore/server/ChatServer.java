package dev.chatcore.server;

import dev.chatcore.adapter.http.HttpApi;
import dev.chatcore.adapter.http.HttpListener;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.embed.Maintenance;
import dev.chatcore.application.embed.MaintenanceTask;
import dev.chatcore.application.retention.Janitor;
import dev.chatcore.server.metrics.JanitorRuns;
import dev.chatcore.server.metrics.MetricsEndpoint;
import dev.chatcore.server.metrics.ServerMetrics;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The running server: Undertow in front of the chat core, and with metrics on, a second listener on
 * the management port that serves only {@code GET /metrics}. {@link #stop()} is graceful: stop
 * taking requests, answer every held sync, let requests in flight finish, then close. While it
 * runs, its {@link Maintenance} sweeps idle players out of global rooms and runs the retention
 * janitor.
 */
public final class ChatServer implements AutoCloseable {
  /** How long a stop waits for requests in flight. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(3);

  private static final Logger LOG = Logger.getLogger(ChatServer.class.getName());

  private final ServerConfig config;
  private final ChatCore core;
  private final HttpApi api;
  private final JwtTokens tokens;
  private final Optional<ServerMetrics> metrics;
  private final ServerModeration moderation;
  private HttpListener listener;
  private Undertow management;
  private Maintenance maintenance;
  private boolean stopped;

  /**
   * @param tokens the verifier {@code api} uses: started (published keys fetched) and stopped with
   *     the server
   * @param metrics present exactly when {@code config} has a management port
   * @param moderation the core's filter and alert plug-ins: started (file reloads) and stopped with
   *     the server
   */
  public ChatServer(
      ServerConfig config,
      ChatCore core,
      HttpApi api,
      JwtTokens tokens,
      Optional<ServerMetrics> metrics,
      ServerModeration moderation) {
    this.config = config;
    this.core = core;
    this.api = api;
    this.tokens = tokens;
    this.metrics = metrics;
    this.moderation = moderation;
  }

  /** Binds and starts serving. */
  public synchronized void start() {
    listener = HttpListener.start(config.host(), config.port(), api, config.requestParseTimeout());
    metrics.ifPresent(
        m -> {
          ManagementConfig settings = config.management().orElseThrow();
          // a listener of its own with its own root handler: the public chain never sees /metrics
          management =
              Undertow.builder()
                  .addHttpListener(settings.port(), settings.host())
                  .setHandler(new MetricsEndpoint(m))
                  .build();
          management.start();
          m.heldSyncs(core.syncWaiter()::heldCount);
        });
    tokens.fetchKeys(); // in the background: a slow authentication service does not delay the start
    maintenance =
        maintenance(core, config, metrics.map(ServerMetrics::janitor).orElse(JanitorRuns.NONE));
    maintenance.start(2); // two threads: a long janitor run never holds the idle sweep back
    moderation.start();
  }

  /**
   * The server's periodic work: the idle sweep ({@code CHAT_GLOBAL_IDLE_TIMEOUT_S}), and the
   * retention janitor once at start and then every {@code CHAT_JANITOR_INTERVAL_S} in batches of
   * {@code CHAT_JANITOR_BATCH}, each run reported to {@code runs}. Not started.
   */
  static Maintenance maintenance(ChatCore core, ServerConfig config, JanitorRuns runs) {
    Janitor janitor = core.janitor();
    int batch = config.janitorBatch();
    return new Maintenance()
        .add(Maintenance.idleSweep(core.sweepIdlePlayers(), config.globalIdleTimeout()))
        .add(
            new MaintenanceTask(
                    "janitor", config.janitorInterval(), () -> reported(janitor, batch, runs))
                .startingAtOnce());
  }

  /**
   * One janitor run, told to {@code runs} either way; a failure goes on to the maintenance's log.
   */
  private static void reported(Janitor janitor, int batch, JanitorRuns runs) {
    Janitor.Run run;
    try {
      run = janitor.run(batch);
    } catch (RuntimeException e) {
      runs.failed();
      throw e;
    }
    runs.succeeded(run);
  }

  /** The address it listens on (the real port when configured with port 0). */
  public synchronized InetSocketAddress address() {
    return listener.address();
  }

  /**
   * Where {@code GET /metrics} is served (the real port when configured with 0); empty with metrics
   * off.
   */
  public synchronized Optional<InetSocketAddress> managementAddress() {
    if (metrics.isEmpty()) return Optional.empty();
    return Optional.of((InetSocketAddress) management.getListenerInfo().get(0).getAddress());
  }

  public ChatCore core() {
    return core;
  }

  public ServerModeration moderation() {
    return moderation;
  }

  /** Graceful stop; idempotent. */
  public synchronized void stop() {
    if (stopped || listener == null) return;
    stopped = true;
    if (maintenance != null) maintenance.stop();
    moderation.close();
    try {
      Thread drain =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      if (!api.drain(DRAIN_TIMEOUT))
                        LOG.warning("stopping with requests still in flight");
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                    }
                  });
      core.close(); // answers every held sync
      drain.join(DRAIN_TIMEOUT.toMillis() + 500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      listener.close();
      if (management != null) management.stop();
      tokens.close();
      core.storage().close();
      metrics.ifPresent(ServerMetrics::close);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
