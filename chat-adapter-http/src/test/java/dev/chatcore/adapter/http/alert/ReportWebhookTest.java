package dev.chatcore.adapter.http.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.Json;
import dev.chatcore.domain.chat.PlaintextClaim;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportedMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.moderation.ReportAlert;
import dev.chatcore.domain.testing.Await;
import dev.chatcore.domain.testing.TestIds;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook against a real local receiver: signature, retries, idempotency key, the bounded
 * queue.
 */
class ReportWebhookTest {
  static final String SECRET = "webhook-secret-webhook-secret-0123456789";

  private WebhookReceiver receiver;
  private ReportWebhook webhook;
  private final CountDownLatch release = new CountDownLatch(1);

  @AfterEach
  void stop() {
    release.countDown();
    if (webhook != null) webhook.close();
    if (receiver != null) receiver.close();
  }

  /** Retries after 10 ms, 20 ms, ... so a test waits for them without sleeping. */
  private ReportWebhook webhook(int capacity) {
    return new ReportWebhook(
        WebhookSettings.of(receiver.url(), SECRET)
            .withQueueCapacity(capacity)
            .withRetries(Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofMinutes(5)),
        Clock.systemUTC());
  }

  static ReportAlert alert() {
    EventId message = new EventId(42);
    Report report =
        Report.first(
            "657977708be2aefc0e26db1f",
            message,
            TestIds.room(),
            TestIds.account(),
            List.of(
                new ReportedMessage(
                    message,
                    TestIds.account(),
                    "you are bad",
                    Optional.empty(),
                    Instant.parse("2026-01-01T00:00:00Z"))),
            Instant.parse("2026-01-01T00:00:05Z"));
    return new ReportAlert(ReportAlert.Trigger.CREATED, 1, report);
  }

  @Test
  void theRequestIsSignedSoTheReceiverCanVerifyIt() throws Exception {
    receiver = new WebhookReceiver(r -> 204);
    webhook = webhook(10);
    ReportAlert alert = alert();
    webhook.send(alert);
    WebhookReceiver.Received request = receiver.next();

    long timestamp = Long.parseLong(request.header(WebhookSignature.TIMESTAMP_HEADER));
    String signature = request.header(WebhookSignature.HEADER);
    assertEquals(
        receiverSignature(timestamp, request.body()),
        signature,
        "what a receiver computes on its own");
    assertTrue(
        new WebhookSignature(SECRET).verify(timestamp, request.body(), signature), signature);
    assertFalse(
        new WebhookSignature(SECRET.replace('0', '1')).verify(timestamp, request.body(), signature),
        "another secret does not verify");
    assertFalse(
        new WebhookSignature(SECRET).verify(timestamp + 1, request.body(), signature),
        "the timestamp is signed too");
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals("report.created", request.header(ReportWebhook.EVENT_HEADER));

    JsonNode body = Json.mapper().readTree(request.body());
    assertEquals("report.created", body.path("event").asText());
    assertEquals(alert.idempotencyKey(), body.path("idempotencyKey").asText());
    assertEquals("657977708be2aefc0e26db1f", body.path("report").path("id").asText());
    assertEquals("you are bad", body.path("offendingMessage").path("text").asText());
    assertEquals(false, body.path("automatic").asBoolean());
  }

  /**
   * HMAC-SHA256 of "timestamp.body" as docs/moderation.md tells a receiver to compute it, without
   * our code.
   */
  private static String receiverSignature(long timestamp, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void anEncryptedMessagesAlertCarriesNoTextAndTheClaimsUnverified() throws Exception {
    receiver = new WebhookReceiver(r -> 204);
    webhook = webhook(10);
    EventId message = new EventId(42);
    AccountId reporter = TestIds.account();
    Report report =
        Report.first(
            "657977708be2aefc0e26db1f",
            message,
            TestIds.room(),
            reporter,
            List.of(
                ReportedMessage.encrypted(
                    message, TestIds.account(), Instant.parse("2026-01-01T00:00:00Z"))),
            Instant.parse("2026-01-01T00:00:05Z"),
            Optional.of(
                new PlaintextClaim(
                    reporter, "you are bad", Instant.parse("2026-01-01T00:00:05Z"))));
    webhook.send(new ReportAlert(ReportAlert.Trigger.CREATED, 1, report));

    JsonNode body = Json.mapper().readTree(receiver.next().body());
    JsonNode offending = body.path("offendingMessage");
    assertEquals(
        "", offending.path("text").asText(), "the server never had the text: " + offending);
    assertTrue(offending.path("encrypted").asBoolean(), offending.toString());
    JsonNode claim = body.path("report").path("plaintextClaims").get(0);
    assertEquals("you are bad", claim.path("text").asText());
    assertEquals(reporter.value(), claim.path("reporterId").asText());
    assertFalse(claim.path("verified").asBoolean(true), "a claim is testimony, never the message");
  }

  @Test
  void retriesBackOffDoublingUpToTheLongestWait() {
    WebhookSettings settings =
        WebhookSettings.of(URI.create("http://127.0.0.1/hook"), SECRET)
            .withRetries(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofHours(1));
    assertEquals(
        List.of(
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5)),
        IntStream.rangeClosed(1, 5).mapToObj(settings::backoff).toList());
  }

  @Test
  void aFailedAttemptIsRetriedWithTheSameIdempotencyKeyUntilItIsAcknowledged() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    receiver = new WebhookReceiver(r -> calls.incrementAndGet() <= 2 ? 500 : 200);
    webhook = webhook(10);
    ReportAlert alert = alert();
    webhook.send(alert);
    WebhookReceiver.Received first = receiver.next();
    WebhookReceiver.Received second = receiver.next();
    WebhookReceiver.Received third = receiver.next();
    for (WebhookReceiver.Received r : List.of(first, second, third)) {
      assertEquals(alert.idempotencyKey(), r.header(ReportWebhook.IDEMPOTENCY_HEADER));
    }
    assertEquals("1", first.header(ReportWebhook.ATTEMPT_HEADER));
    assertEquals("3", third.header(ReportWebhook.ATTEMPT_HEADER));
    assertEquals(
        new String(first.body()), new String(third.body()), "every attempt sends the same body");
    // a retry is scheduled its backoff after the failed answer, which came after the request
    // arrived
    assertTrue(
        second.arrivedAt() - first.arrivedAt() >= Duration.ofMillis(10).toNanos(),
        "waited 10 ms at least");
    assertTrue(
        third.arrivedAt() - second.arrivedAt() >= Duration.ofMillis(20).toNanos(),
        "then 20 ms at least");
    awaitDelivered(1);
    assertEquals(3, receiver.all().size(), "nothing is sent after the acknowledgement");
    assertEquals(0, webhook.held());
  }

  @Test
  void anUnreachableReceiverIsRetriedToo() throws Exception {
    receiver = new WebhookReceiver(r -> 200);
    URI url = receiver.url();
    receiver.close(); // nothing listens there now
    webhook =
        new ReportWebhook(
            WebhookSettings.of(url, SECRET)
                .withRetries(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(200)),
            Clock.systemUTC());
    webhook.send(alert());
    Await.until(() -> webhook.gaveUp() > 0, () -> "the webhook to give up");
    assertEquals(1, webhook.gaveUp(), "given up after the retry period");
    assertEquals(0, webhook.held());
    receiver = null;
  }

  @Test
  void aFullQueueDropsNewAlertsAndNeverBlocks() throws Exception {
    receiver =
        new WebhookReceiver(
            r -> {
              await(release);
              return 200;
            });
    webhook = webhook(1);
    webhook.send(alert());
    receiver.next(); // in flight, held by the receiver
    long start = System.nanoTime();
    webhook.send(alert());
    webhook.send(alert());
    assertTrue(
        System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5),
        "send never waits for the receiver");
    assertEquals(2, webhook.dropped());
    release.countDown();
    awaitDelivered(1);
  }

  private void awaitDelivered(long n) {
    Await.until(() -> webhook.delivered() >= n, () -> n + " delivered, got " + webhook.delivered());
    assertEquals(n, webhook.delivered());
  }

  static void await(CountDownLatch latch) {
    try {
      assertNotNull(latch.await(60, TimeUnit.SECONDS) ? latch : null, "released");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
