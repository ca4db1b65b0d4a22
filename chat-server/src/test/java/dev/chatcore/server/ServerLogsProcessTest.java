package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.domain.id.AccountId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logs of the server as an operator runs it, read from its standard error after it stopped.
 * Every line there is one of our records: so a JVM warning on the JDK running the tests
 * (jboss-threads' sun.misc.Unsafe on JDK 24+, say) fails these tests.
 */
class ServerLogsProcessTest {
  private static final String SECRET = "logs-test-secret-logs-test-secret-logs";
  private static final String MESSAGE_TEXT = "the-message-text-that-must-stay-out-of-logs";
  private static final Pattern TEXT_LINE =
      Pattern.compile(
          "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (SEVERE|WARNING|INFO|CONFIG|FINE) \\S+ .*");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void jsonLogsAreOneObjectPerLineWithAnAccessRecordPerRequestAndNoTokenOrText() throws Exception {
    AccountId account = new AccountId("0123456789abcdef0123456b");
    String token =
        new JwtTokens(SECRET, Clock.systemUTC()).issue(account, "Ada", true, Duration.ofHours(1));
    Path stderr = dir.resolve("stderr.log");
    List<String> requestIds = new ArrayList<>();
    try (ServerProcess server =
        ServerProcess.start(
            Map.of(
                "CHAT_AUTH_SECRET", SECRET, "CHAT_LOG_FORMAT", "json", "CHAT_ACCESS_LOG", "true"),
            stderr)) {
      HttpResponse<String> room = server.post("/v1/rooms", token, "{\"name\":\"lobby\"}");
      requestIds.add(requestId(room));
      String roomId = JSON.readTree(room.body()).get("room_id").asText();
      HttpResponse<String> sent =
          server.post(
              "/v1/rooms/" + roomId + "/messages",
              token,
              "{\"type\":\"m.plain\",\"content\":{\"text\":\"" + MESSAGE_TEXT + "\"}}");
      assertEquals(200, sent.statusCode(), sent.body());
      requestIds.add(requestId(sent));
      requestIds.add(requestId(server.get("/no/such/route", token)));
      stop(server);
    }
    assertEquals(
        requestIds.size(),
        new HashSet<>(requestIds).size(),
        "request ids are unique: " + requestIds);

    String logs = Files.readString(stderr, StandardCharsets.UTF_8);
    assertFalse(logs.contains(token), "the token is not logged");
    assertFalse(logs.contains(token.substring(token.lastIndexOf('.') + 1)), "nor its signature");
    assertFalse(logs.contains(MESSAGE_TEXT), "the message text is not logged");
    Map<String, JsonNode> access =
        new HashMap<>(); // by request id: requests on two connections may log out of order
    for (String line : logs.lines().toList()) {
      JsonNode record = jsonObject(line);
      if (record.get("logger").asText().equals("dev.chatcore.adapter.http.AccessLog")) {
        assertEquals(
            null,
            access.put(record.get("fields").get("request_id").asText(), record.get("fields")),
            line);
      }
    }
    assertEquals(new HashSet<>(requestIds), access.keySet());
    JsonNode send = access.get(requestIds.get(1));
    assertEquals("POST", send.get("method").asText());
    assertEquals("/v1/rooms/{id}/messages", send.get("route").asText());
    assertEquals(200, send.get("status").asInt());
    assertEquals(account.value(), send.get("account").asText());
    assertTrue(send.get("ms").isIntegralNumber());
    JsonNode unknown = access.get(requestIds.get(2));
    assertTrue(unknown.get("route").isNull(), "no route matched");
    assertEquals(404, unknown.get("status").asInt());
  }

  /**
   * With metrics on too: the start output says where they are, and Micrometer writes nothing to
   * stderr.
   */
  @Test
  void textLogsAreOneRecordPerLine() throws Exception {
    Path stderr = dir.resolve("stderr.log");
    try (ServerProcess server =
        ServerProcess.start(
            Map.of(
                "CHAT_AUTH_SECRET", SECRET, "CHAT_ACCESS_LOG", "true", "CHAT_MANAGEMENT_PORT", "0"),
            stderr)) {
      assertEquals(200, server.get("/healthz", null).statusCode());
      HttpResponse<String> metrics =
          server
              .client()
              .send(
                  HttpRequest.newBuilder(URI.create(server.metrics())).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, metrics.statusCode());
      assertTrue(
          metrics
              .body()
              .contains(
                  "chat_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}"),
          metrics.body());
      stop(server);
    }
    List<String> lines = Files.readAllLines(stderr, StandardCharsets.UTF_8);
    for (String line : lines)
      assertTrue(TEXT_LINE.matcher(line).matches(), "not one of our records: " + line);
    assertTrue(
        lines.stream()
            .anyMatch(
                l ->
                    l.contains(
                        " dev.chatcore.adapter.http.AccessLog request method=GET"
                            + " route=/healthz status=200 ")),
        String.join("\n", lines));
  }

  /** The line as a JSON object, or a failure naming it: a JVM warning, say. */
  private static JsonNode jsonObject(String line) {
    try {
      JsonNode record = JSON.readTree(line);
      if (record.isObject() && record.has("timestamp") && record.has("fields")) return record;
    } catch (IOException e) {
      // reported below
    }
    throw new AssertionError("not one of our records: " + line);
  }

  private static String requestId(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("X-Request-Id")
        .orElseThrow(() -> new AssertionError("no X-Request-Id"));
  }

  /** SIGTERM, and wait: the logs are complete once the process has exited. */
  private static void stop(ServerProcess server) throws InterruptedException {
    server.process().destroy();
    assertTrue(server.process().waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, server.process().exitValue());
  }
}
