package dev.chatcore.server;

import dev.chatcore.adapter.http.alert.ReportWebhook;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.moderation.ContentFilter;
import dev.chatcore.domain.moderation.ReportAlerts;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The server's moderation plug-ins and their lifecycle: the word-list filter of {@code
 * CHAT_FILTER_FILE} (checked for changes every {@code CHAT_FILTER_RELOAD_S} on its own daemon
 * thread once started) and the report alert webhook (stopped with the server).
 */
public final class ServerModeration implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ServerModeration.class.getName());

  private final ModerationConfig config;
  private final Optional<WordListFile> wordList;
  private final Optional<ReportWebhook> webhook;
  private ScheduledExecutorService reloads;

  public ServerModeration(ModerationConfig config, Clock clock) {
    this.config = config;
    this.wordList = config.filterFile().map(WordListFile::load);
    this.webhook = config.webhook().map(settings -> new ReportWebhook(settings, clock));
  }

  /** What the core runs with. */
  public ContentModeration contentModeration() {
    ContentFilter filter =
        wordList.<ContentFilter>map(WordListFile::filter).orElse(ContentFilter.NONE);
    ReportAlerts alerts = webhook.<ReportAlerts>map(w -> w).orElse(ReportAlerts.NONE);
    return new ContentModeration(filter, alerts, config.alertRule());
  }

  public Optional<WordListFile> wordList() {
    return wordList;
  }

  /** A line for the start output: what is filtered and where alerts go. */
  public String describe() {
    return "content filter: "
        + wordList
            .map(
                f ->
                    f.path()
                        + " ("
                        + f.terms()
                        + ", checked every "
                        + config.filterReload().toSeconds()
                        + " s)")
            .orElse("none")
        + "; report alerts: "
        + config.webhook().map(w -> String.valueOf(w.url())).orElse("none");
  }

  /** Starts checking the word-list file for changes; idempotent. */
  public synchronized void start() {
    if (wordList.isEmpty() || reloads != null) return;
    reloads =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chat-filter-reload");
              t.setDaemon(true);
              return t;
            });
    long every = config.filterReload().toMillis();
    reloads.scheduleWithFixedDelay(this::reload, every, every, TimeUnit.MILLISECONDS);
  }

  private void reload() {
    try {
      wordList.get().reloadIfChanged();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "checking CHAT_FILTER_FILE failed; retrying on the next tick", e);
    }
  }

  /** Stops the reloads and the webhook (alerts still queued are lost, and logged). */
  @Override
  public synchronized void close() {
    if (reloads != null) reloads.shutdownNow();
    webhook.ifPresent(ReportWebhook::close);
  }
}
