package dev.chatcore.server;

import dev.chatcore.adapter.http.HttpApi;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.application.ChatCore;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
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
  private final ServerModeration moderation;
  private Undertow undertow;
  private IdleSweep idleSweep;
  private JanitorSchedule janitor;
  private boolean stopped;

  /**
   * @param tokens the verifier {@code api} uses: started (published keys fetched) and stopped with the server
   * @param moderation the core's filter and alert plug-ins: started (file reloads) and stopped with the server
   */
  public ChatServer(ServerConfig config, ChatCore core, HttpApi api, JwtTokens tokens, ServerModeration moderation) {
    this.config = config;
    this.core = core;
    this.api = api;
    this.tokens = tokens;
    this.moderation = moderation;
  }

  /** Binds and starts serving. */
  public synchronized void start() {
    undertow = Undertow.builder()
        .addHttpListener(config.port(), config.host())
        .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, (long) config.limits().requestBodyMaxBytes())
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, 120_000)
        .setServerOption(UndertowOptions.ALWAYS_SET_DATE, false)
        .setHandler(api.handler())
        .build();
    undertow.start();
    tokens.fetchKeys(); // in the background: a slow authentication service does not delay the start
    idleSweep = IdleSweep.start(core, IdleSweep.idleAfter(System.getenv()));
    janitor = JanitorSchedule.start(core, config.janitorInterval(), config.janitorBatch());
    moderation.start();
  }

  /** The address it listens on (the real port when configured with port 0). */
  public synchronized InetSocketAddress address() {
    return (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
  }

  public ChatCore core() {
    return core;
  }

  public ServerModeration moderation() {
    return moderation;
  }

  /** Graceful stop; idempotent. */
  public synchronized void stop() {
    if (stopped || undertow == null) return;
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
      undertow.stop();
      tokens.close();
      core.storage().close();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
