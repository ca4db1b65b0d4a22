package dev.chatcore.server;

import dev.chatcore.application.ChatCore;
import dev.chatcore.application.globalroom.SweepIdlePlayers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the Chat V2 idle sweep on a schedule: players idle for {@code CHAT_GLOBAL_IDLE_TIMEOUT_S}
 * seconds (default 600) leave their global room; the sweep runs every {@code idle / 10}
 * (at least every second, at most every minute).
 */
final class IdleSweep implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(IdleSweep.class.getName());

  private final ScheduledExecutorService timer;

  private IdleSweep(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** The idle threshold from the environment. */
  static Duration idleAfter(Map<String, String> env) {
    String raw = env.get("CHAT_GLOBAL_IDLE_TIMEOUT_S");
    if (raw == null || raw.isBlank()) return SweepIdlePlayers.DEFAULT_IDLE_AFTER;
    try {
      long seconds = Long.parseLong(raw.strip());
      if (seconds >= 10 && seconds <= 7 * 24 * 3600) return Duration.ofSeconds(seconds);
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new ConfigException("CHAT_GLOBAL_IDLE_TIMEOUT_S", "an integer from 10 to 604800 (got \"" + raw + "\")");
  }

  static IdleSweep start(ChatCore core, Duration idleAfter) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "chat-idle-sweep");
      t.setDaemon(true);
      return t;
    });
    long every = Math.clamp(idleAfter.toMillis() / 10, 1000, 60_000);
    timer.scheduleWithFixedDelay(() -> {
      try {
        core.chat().sweepIdlePlayers().sweep(idleAfter);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "idle sweep failed; retrying on the next tick", e);
      }
    }, every, every, TimeUnit.MILLISECONDS);
    return new IdleSweep(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
