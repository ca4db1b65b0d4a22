package dev.chatcore.server;

import dev.chatcore.adapter.http.HttpApi;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.adapter.http.HttpListener;
import dev.chatcore.application.ChatCore;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The running server: Undertow in front of the chat core. {@link #stop()} is graceful: stop
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
  private HttpListener listener;
  private IdleSweep idleSweep;
  private JanitorSchedule janitor;
  private boolean stopped;

  /** @param tokens the verifier {@code api} uses: started (published keys fetched) and stopped with the server */
  public ChatServer(ServerConfig config, ChatCore core, HttpApi api, JwtTokens tokens) {
    this.config = config;
    this.core = core;
    this.api = api;
    this.tokens = tokens;
  }

  /** Binds and starts serving. */
  public synchronized void start() {
    listener = HttpListener.start(config.host(), config.port(), api, config.requestParseTimeout());
    tokens.fetchKeys(); // in the background: a slow authentication service does not delay the start
    idleSweep = IdleSweep.start(core, config.globalIdleTimeout());
    janitor = JanitorSchedule.start(core, config.janitorInterval(), config.janitorBatch());
  }

  /** The address it listens on (the real port when configured with port 0). */
  public synchronized InetSocketAddress address() {
    return listener.address();
  }

  public ChatCore core() {
    return core;
  }

  /** Graceful stop; idempotent. */
  public synchronized void stop() {
    if (stopped || listener == null) return;
    stopped = true;
    if (idleSweep != null) idleSweep.close();
    if (janitor != null) janitor.close();
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
      tokens.close();
      core.storage().close();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
