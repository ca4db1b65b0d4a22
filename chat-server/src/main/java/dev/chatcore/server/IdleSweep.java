package dev.chatcore.server;

import dev.chatcore.application.ChatCore;
import dev.chatcore.application.embed.Maintenance;
import java.time.Duration;
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

  static IdleSweep start(ChatCore core, Duration idleAfter) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "chat-idle-sweep");
      t.setDaemon(true);
      return t;
    });
    long every = Maintenance.sweepEvery(idleAfter).toMillis();
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
