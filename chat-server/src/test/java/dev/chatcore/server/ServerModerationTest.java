package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatcore.adapter.http.alert.ReportWebhook;
import dev.chatcore.adapter.http.alert.WebhookReceiver;
import dev.chatcore.adapter.http.alert.WebhookSignature;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's moderation as an operator configures it ({@code CHAT_FILTER_FILE}, {@code
 * CHAT_REPORT_WEBHOOK_*}), on MongoDB with metrics on (so every storage call goes through the
 * metered storage): the word list filters both APIs, a changed file takes over without a restart,
 * and a flagged message reaches the webhook signed.
 */
class ServerModerationTest extends MongoServerHarness {
  private static final String WEBHOOK_SECRET = "server-moderation-webhook-secret-0123456789";

  @TempDir Path dir;
  private final WebhookReceiver receiver = new WebhookReceiver(r -> 200);

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void theWordListFiltersBothApisFlagsToTheWebhookAndIsReloadedWithoutARestart() throws Exception {
    Path words =
        write(
            dir.resolve("words.txt"),
            "darn mask\nwallhack* flag:cheating\n",
            Instant.parse("2026-01-01T00:00:00Z"));
    // reloads are checked once an hour here: the test triggers the check itself
    server =
        startServer(
            "CHAT_FILTER_FILE",
            words.toString(),
            "CHAT_FILTER_RELOAD_S",
            "3600",
            "CHAT_REPORT_WEBHOOK_URL",
            receiver.url().toString(),
            "CHAT_REPORT_WEBHOOK_SECRET",
            WEBHOOK_SECRET,
            "CHAT_MANAGEMENT_PORT",
            "0");
    String lobby = createRoom();
    String global =
        call("GET", "/chat/", player, null).body().path("roomUpdates").get(0).path("id").asText();

    assertEquals(
        200, call("POST", "/v1/rooms/" + lobby + "/messages", player, v1("oh darn")).status());
    Answer posted = call("POST", "/chat/message", player, chat(global, "darn it"));
    assertEquals(
        "**** it", posted.body().path("message").path("text").asText(), posted.body().toString());
    assertEquals("oh ****", lastText(lobby));
    assertEquals("**** it", lastText(global));

    Answer flagged = call("POST", "/v1/rooms/" + lobby + "/messages", player, v1("free wallhacks"));
    assertEquals(200, flagged.status(), flagged.body().toString());
    WebhookReceiver.Received alert = receiver.next();
    long timestamp = Long.parseLong(alert.header(WebhookSignature.TIMESTAMP_HEADER));
    assertTrue(
        new WebhookSignature(WEBHOOK_SECRET)
            .verify(timestamp, alert.body(), alert.header(WebhookSignature.HEADER)),
        "signed with CHAT_REPORT_WEBHOOK_SECRET");
    assertEquals("report.created", alert.header(ReportWebhook.EVENT_HEADER));
    JsonNode body = new ObjectMapper().readTree(alert.body());
    assertTrue(body.path("automatic").asBoolean(), body.toString());
    assertEquals(
        flagged.body().path("event_id").asText(),
        body.path("offendingMessage").path("id").asText());
    assertEquals(
        "flagged by the content filter: cheating", body.path("report").path("adminNote").asText());

    write(words, "darn reject:rude\n", Instant.parse("2026-01-01T00:01:00Z"));
    assertTrue(
        server.moderation().wordList().orElseThrow().reloadIfChanged(), "the changed file is read");
    Answer rejected = call("POST", "/chat/message", player, chat(global, "darn again"));
    assertEquals(400, rejected.status(), rejected.body().toString());
    assertEquals("rejected", rejected.body().path("error").asText());
    assertEquals("rude", rejected.body().path("reason").asText());
    assertEquals("**** it", lastText(global), "nothing was stored");
  }

  /**
   * Writes the file with an explicit modification time (file systems round times; a reload compares
   * them).
   */
  private static Path write(Path file, String content, Instant modified) throws Exception {
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.from(modified));
    return file;
  }

  private String lastText(String room) throws Exception {
    JsonNode chunk =
        call("GET", "/v1/rooms/" + room + "/messages?dir=b&limit=1", admin, null)
            .body()
            .path("chunk");
    return chunk.get(0).path("content").path("text").asText();
  }

  private static String v1(String text) {
    return "{\"type\":\"m.plain\",\"content\":{\"text\":\"" + text + "\"}}";
  }

  private static String chat(String room, String text) {
    return "{\"message\":{\"roomId\":\"" + room + "\",\"text\":\"" + text + "\"}}";
  }
}
