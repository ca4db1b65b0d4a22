package dev.chatcore.server;

import dev.chatcore.adapter.http.HttpApi;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.adapter.http.HttpListener;
import dev.chatcore.application.ChatCore;
import dev.chatcore.server.metrics.JanitorRuns;
import dev.chatcore.server.metrics.MetricsEndpoint;
import dev.chatcore.server.metrics.ServerMetrics;
import io.undertow.Undertow;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The running server: Undertow in front of the chat core, and with metrics on, a second listener
 * on the management port that serves only {@code GET /metrics}. {@link #stop()} is graceful: stop
 * taking requests, answer every held sync, let requests in flight finish, then close.
 */
public final class ChatServer implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ChatServer.class.getName());
  /** How long a stop waits for requests in flight. */
  static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(3);

  private final ServerConfig config;
  private final ChatCore core;
  private final HttpApi api;
  private final JwtTokens tokens;
  private final Optional<ServerMetrics> metrics;
  private final ServerModeration moderation;
  private HttpListener listener;
  private Undertow management;
  private IdleSweep idleSweep;
  private JanitorSchedule janitor;
  private boolean stopped;

  /**
   * @param tokens the verifier {@code api} uses: started (published keys fetched) and stopped with the server
   * @param metrics present exactly when {@code config} has a management port
   * @param moderation the core's filter and alert plug-ins: started (file reloads) and stopped with the server
   */
  public ChatServer(ServerConfig config, ChatCore core, HttpApi api, JwtTokens tokens,
      Optional<ServerMetrics> metrics, ServerModeration moderation) {
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
    metrics.ifPresent(m -> {
      ManagementConfig settings = config.management().orElseThrow();
      // a listener of its own with its own root handler: the public chain never sees /metrics
      management = Undertow.builder().addHttpListener(settings.port(), settings.host())
          .setHandler(new MetricsEndpoint(m)).build();
      management.start();
      m.heldSyncs(core.syncWaiter()::heldCount);
    });
    tokens.fetchKeys(); // in the background: a slow authentication service does not delay the start
    idleSweep = IdleSweep.start(core, config.globalIdleTimeout());
    janitor = JanitorSchedule.start(core, config.janitorInterval(), config.janitorBatch(),
        metrics.map(ServerMetrics::janitor).orElse(JanitorRuns.NONE));
    moderation.start();
  }

  /** The address it listens on (the real port when configured with port 0). */
  public synchronized InetSocketAddress address() {
    return listener.address();
  }

  /** Where {@code GET /metrics} is served (the real port when configured with 0); empty with metrics off. */
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
    if (idleSweep != null) idleSweep.close();
    if (janitor != null) janitor.close();
    moderation.close();
    try {
      Thread drain = Thread.ofVirtual().start(() -> {
        try {
          if (!api.drain(DRAIN_TIMEOUT)) LOG.warning("stopping with requests still in flight");
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
