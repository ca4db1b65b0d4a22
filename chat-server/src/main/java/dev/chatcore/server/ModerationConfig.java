package dev.chatcore.server;

import dev.chatcore.adapter.http.alert.WebhookSettings;
import dev.chatcore.domain.moderation.ReportAlertRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The content filter's word list and the report alert webhook.
 *
 * @param filterFile {@code CHAT_FILTER_FILE}, already read once (a bad file stops the start)
 * @param filterReload {@code CHAT_FILTER_RELOAD_S}: how often the file is checked for changes
 * @param webhook {@code CHAT_REPORT_WEBHOOK_*}; empty when no URL is set (no alerts are sent)
 * @param alertRule {@code CHAT_REPORT_ALERT_REPORTERS}
 */
public record ModerationConfig(
    Optional<Path> filterFile,
    Duration filterReload,
    Optional<WebhookSettings> webhook,
    ReportAlertRule alertRule) {

  static ModerationConfig fromEnvironment(ServerConfig.Reader r) {
    Optional<Path> file = r.optional("CHAT_FILTER_FILE").map(ModerationConfig::filterFile);
    Duration reload = Duration.ofSeconds(r.integer("CHAT_FILTER_RELOAD_S", 5, 1, 3600));
    int reporters =
        r.integer("CHAT_REPORT_ALERT_REPORTERS", ReportAlertRule.DEFAULT.reporters(), 0, 1000);
    if (reporters == 1) {
      throw new ConfigException(
          "CHAT_REPORT_ALERT_REPORTERS",
          "0 (no alert by count) or 2 to 1000; a report's creation already alerts (got \"1\")");
    }
    int queue = r.integer("CHAT_REPORT_WEBHOOK_QUEUE", WebhookSettings.DEFAULT_QUEUE, 1, 100_000);
    int timeoutMs =
        r.integer(
            "CHAT_REPORT_WEBHOOK_TIMEOUT_MS",
            (int) WebhookSettings.DEFAULT_TIMEOUT.toMillis(),
            100,
            60_000);
    int giveUpS =
        r.integer(
            "CHAT_REPORT_WEBHOOK_GIVE_UP_S",
            (int) WebhookSettings.DEFAULT_GIVE_UP.toSeconds(),
            60,
            7 * 86_400);
    Optional<WebhookSettings> webhook =
        r.optional("CHAT_REPORT_WEBHOOK_URL")
            .map(
                value -> {
                  URI url = webhookUrl(value);
                  String secret =
                      r.optional("CHAT_REPORT_WEBHOOK_SECRET")
                          .orElseThrow(
                              () ->
                                  new ConfigException(
                                      "CHAT_REPORT_WEBHOOK_SECRET",
                                      "a secret of at least 32 bytes with CHAT_REPORT_WEBHOOK_URL (alerts are signed)"));
                  if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
                    throw new ConfigException("CHAT_REPORT_WEBHOOK_SECRET", "at least 32 bytes");
                  }
                  return new WebhookSettings(
                      url,
                      secret,
                      queue,
                      Duration.ofMillis(timeoutMs),
                      WebhookSettings.DEFAULT_FIRST_RETRY,
                      WebhookSettings.DEFAULT_MAX_RETRY,
                      Duration.ofSeconds(giveUpS));
                });
    return new ModerationConfig(file, reload, webhook, new ReportAlertRule(reporters));
  }

  private static Path filterFile(String value) {
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw new ConfigException("CHAT_FILTER_FILE", "a file path (got \"" + value + "\")");
    }
    try {
      WordListFile.load(path);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "CHAT_FILTER_FILE",
          "a word list, one \"<term> <action>\" a line (" + path + ": " + e.getMessage() + ")");
    }
    return path;
  }

  private static URI webhookUrl(String value) {
    try {
      URI uri = new URI(value);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null) return uri;
    } catch (URISyntaxException e) {
      // the one error below
    }
    throw new ConfigException(
        "CHAT_REPORT_WEBHOOK_URL", "an http:// or https:// URL (got \"" + value + "\")");
  }
}
