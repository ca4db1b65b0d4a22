package dev.chatcore.server;

import dev.chatcore.application.ChatCore;
import dev.chatcore.server.metrics.JanitorRuns;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the retention janitor once at start and then every {@code CHAT_JANITOR_INTERVAL_S}
 * seconds (default 1800), on one daemon thread; the next run starts an interval after the
 * previous one finished, so runs never overlap on a node. A failed run is logged and retried on
 * the next tick. Several nodes may run it at once: every deletion is conditional in the store.
 */
final class JanitorSchedule implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JanitorSchedule.class.getName());

  private final ScheduledExecutorService timer;

  private JanitorSchedule(ScheduledExecutorService timer) {
    this.timer = timer;
  }

  /** @param runs hears of every run: what it removed, or that it failed */
  static JanitorSchedule start(ChatCore core, Duration interval, int batchSize, JanitorRuns runs) {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "chat-janitor");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        runs.succeeded(core.janitor().run(batchSize));
      } catch (RuntimeException e) {
        runs.failed();
        LOG.log(Level.WARNING, "janitor run failed; retrying on the next tick", e);
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    return new JanitorSchedule(timer);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
