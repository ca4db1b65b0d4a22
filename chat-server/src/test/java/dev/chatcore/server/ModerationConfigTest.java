package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.adapter.http.alert.WebhookSettings;
import dev.chatcore.domain.moderation.ReportAlertRule;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CHAT_FILTER_*} and {@code CHAT_REPORT_*}: defaults, values, and one-line refusals. */
class ModerationConfigTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  @TempDir Path dir;

  private static ModerationConfig read(Map<String, String> env) {
    return ServerConfig.fromEnvironment(env).moderation();
  }

  private static void assertRefused(Map<String, String> env, String message) {
    assertEquals(
        message,
        assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(env)).getMessage());
  }

  @Test
  void byDefaultNothingIsFilteredAndNoAlertIsSent() {
    ModerationConfig config = read(Map.of());
    assertEquals(Optional.empty(), config.filterFile());
    assertEquals(Duration.ofSeconds(5), config.filterReload());
    assertEquals(Optional.empty(), config.webhook());
    assertEquals(ReportAlertRule.DEFAULT, config.alertRule());
  }

  @Test
  void readsTheFilterFileAndTheWebhook() throws Exception {
    Path list = Files.writeString(dir.resolve("words.txt"), "darn mask\n");
    ModerationConfig config =
        read(
            Map.of(
                "CHAT_FILTER_FILE",
                list.toString(),
                "CHAT_FILTER_RELOAD_S",
                "30",
                "CHAT_REPORT_WEBHOOK_URL",
                "https://mod.studio.example/hooks/chat",
                "CHAT_REPORT_WEBHOOK_SECRET",
                SECRET,
                "CHAT_REPORT_WEBHOOK_QUEUE",
                "50",
                "CHAT_REPORT_WEBHOOK_TIMEOUT_MS",
                "2000",
                "CHAT_REPORT_WEBHOOK_GIVE_UP_S",
                "3600",
                "CHAT_REPORT_ALERT_REPORTERS",
                "5"));
    assertEquals(Optional.of(list), config.filterFile());
    assertEquals(Duration.ofSeconds(30), config.filterReload());
    WebhookSettings webhook = config.webhook().orElseThrow();
    assertEquals(URI.create("https://mod.studio.example/hooks/chat"), webhook.url());
    assertEquals(50, webhook.queueCapacity());
    assertEquals(Duration.ofSeconds(2), webhook.timeout());
    assertEquals(Duration.ofHours(1), webhook.giveUpAfter());
    assertEquals(new ReportAlertRule(5), config.alertRule());
    assertEquals(
        new ReportAlertRule(0), read(Map.of("CHAT_REPORT_ALERT_REPORTERS", "0")).alertRule());
    assertTrue(!webhook.toString().contains(SECRET), "the secret is never printed");
  }

  @Test
  void aBadFilterFileStopsTheStartNamingTheLine() throws Exception {
    Path broken = Files.writeString(dir.resolve("broken.txt"), "darn mask\nheck rejct\n");
    assertRefused(
        Map.of("CHAT_FILTER_FILE", broken.toString()),
        "CHAT_FILTER_FILE: expected a word list, one "
            + "\"<term> <action>\" a line ("
            + broken
            + ": line 2: unknown action \"rejct\" (expected mask, flag or reject))");
    Path missing = dir.resolve("missing.txt");
    assertTrue(
        assertThrows(
                ConfigException.class,
                () -> ServerConfig.fromEnvironment(Map.of("CHAT_FILTER_FILE", missing.toString())))
            .getMessage()
            .startsWith("CHAT_FILTER_FILE: expected a word list"));
    assertRefused(
        Map.of("CHAT_FILTER_RELOAD_S", "0"),
        "CHAT_FILTER_RELOAD_S: expected an integer from 1 to 3600 (got \"0\")");
  }

  @Test
  void badWebhookSettingsAreOneLine() {
    assertRefused(
        Map.of("CHAT_REPORT_WEBHOOK_URL", "ftp://x"),
        "CHAT_REPORT_WEBHOOK_URL: expected an http:// or https:// URL (got \"ftp://x\")");
    assertRefused(
        Map.of("CHAT_REPORT_WEBHOOK_URL", "https://mod.example/hook"),
        "CHAT_REPORT_WEBHOOK_SECRET: "
            + "expected a secret of at least 32 bytes with CHAT_REPORT_WEBHOOK_URL (alerts are signed)");
    assertRefused(
        Map.of(
            "CHAT_REPORT_WEBHOOK_URL",
            "https://mod.example/hook",
            "CHAT_REPORT_WEBHOOK_SECRET",
            "short"),
        "CHAT_REPORT_WEBHOOK_SECRET: expected at least 32 bytes");
    assertRefused(
        Map.of("CHAT_REPORT_ALERT_REPORTERS", "1"),
        "CHAT_REPORT_ALERT_REPORTERS: expected 0 (no alert by "
            + "count) or 2 to 1000; a report's creation already alerts (got \"1\")");
    assertRefused(
        Map.of("CHAT_REPORT_WEBHOOK_QUEUE", "0"),
        "CHAT_REPORT_WEBHOOK_QUEUE: expected an integer from 1 to 100000 (got \"0\")");
  }
}
