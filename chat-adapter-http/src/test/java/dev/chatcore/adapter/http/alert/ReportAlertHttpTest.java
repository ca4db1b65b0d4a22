package dev.chatcore.adapter.http.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.Json;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.moderation.FilterVerdict;
import dev.chatcore.domain.moderation.ReportAlertRule;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /chat/report} and a post the filter flags, with the webhook: the player's answer
 * never waits for the receiver.
 */
class ReportAlertHttpTest {
  private final CountDownLatch release = new CountDownLatch(1);
  private final WebhookReceiver receiver =
      new WebhookReceiver(
          r -> {
            ReportWebhookTest.await(release); // a receiver that hangs until the test is done
            return 200;
          });
  private final ReportWebhook webhook =
      new ReportWebhook(
          WebhookSettings.of(receiver.url(), ReportWebhookTest.SECRET)
              .withTimeout(Duration.ofSeconds(60)),
          Clock.systemUTC());
  private final HttpTestServer server =
      HttpTestServer.builder()
          .moderation(
              ContentModeration.none()
                  .withAlerts(webhook, ReportAlertRule.DEFAULT)
                  .withFilter(
                      (sender, room, text) ->
                          text.contains("wallhack")
                              ? new FilterVerdict.Flag(text, "cheating")
                              : FilterVerdict.ALLOW))
          .start();

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
    webhook.close();
    receiver.close();
  }

  @Test
  void aSlowReceiverDoesNotSlowThePlayersReport() throws Exception {
    String author = server.token(false);
    String reporter = server.token(false);
    String room =
        server.get("/chat/", author).json().path("roomUpdates").get(0).path("id").asText();
    server.get("/chat/", reporter);
    String message =
        server
            .post(
                "/chat/message",
                author,
                "{\"message\":{\"roomId\":\"" + room + "\",\"text\":\"rude words\"}}")
            .json()
            .path("message")
            .path("id")
            .asText();

    HttpTestServer.Response reported =
        server
            .postAsync("/chat/report", reporter, "{\"messageId\":\"" + message + "\"}")
            .get(10, TimeUnit.SECONDS);
    assertEquals(200, reported.status(), reported.toString());
    WebhookReceiver.Received alert = receiver.next();
    assertEquals(
        1,
        release.getCount(),
        "the receiver still holds the alert: the report did not wait for it");
    assertEquals(
        "report-" + reported.json().path("report").path("id").asText() + "-created",
        alert.header(ReportWebhook.IDEMPOTENCY_HEADER));
  }

  @Test
  void aSlowReceiverDoesNotSlowAPostTheFilterFlagged() throws Exception {
    String author = server.token(false);
    String room =
        server.get("/chat/", author).json().path("roomUpdates").get(0).path("id").asText();
    HttpTestServer.Response posted =
        server
            .postAsync(
                "/chat/message",
                author,
                "{\"message\":{\"roomId\":\"" + room + "\",\"text\":\"free wallhack\"}}")
            .get(10, TimeUnit.SECONDS);
    assertEquals(200, posted.status(), posted.toString());
    WebhookReceiver.Received alert = receiver.next();
    assertEquals(
        1, release.getCount(), "the receiver still holds the alert: the post did not wait for it");
    assertEquals("report.created", alert.header(ReportWebhook.EVENT_HEADER));
    JsonNode body = Json.mapper().readTree(alert.body());
    assertTrue(body.path("automatic").asBoolean(), body.toString());
    assertEquals(
        "flagged by the content filter: cheating", body.path("report").path("adminNote").asText());
    assertEquals("free wallhack", body.path("offendingMessage").path("text").asText());
  }
}
