package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.TestIds;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request ids on every response, and the access log's one record per request. */
class AccessLogTest {
  private static final Logger ACCESS = Logger.getLogger(AccessLog.class.getName());

  private final BlockingQueue<LogRecord> records = new LinkedBlockingQueue<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private HttpTestServer server;

  @BeforeEach
  void start() {
    ACCESS.addHandler(capture);
    ACCESS.setUseParentHandlers(false);
    server = HttpTestServer.builder().accessLog(new AccessLog(true)).start();
  }

  @AfterEach
  void stop() {
    server.close();
    ACCESS.removeHandler(capture);
    ACCESS.setUseParentHandlers(true);
  }

  @Test
  void everyResponseCarriesItsOwnRequestId() {
    String token = server.token(false);
    List<HttpTestServer.Response> responses =
        List.of(
            server.get("/healthz", null), // 200
            server.get("/v1/me", token), // 200
            server.get("/v1/me", null), // 401
            server.get("/no/such/route", token), // 404
            server.method("PUT", "/v1/me", token, null, null), // 405
            server.post("/v1/rooms", token, "{not json"), // 400
            server.method("POST", "/v1/rooms", token, "text/plain", "hi")); // 415
    Set<String> ids = new HashSet<>();
    for (HttpTestServer.Response response : responses) {
      String id = response.raw().headers().firstValue(AccessLog.REQUEST_ID_HEADER).orElse(null);
      assertNotNull(id, response.toString());
      assertTrue(id.matches("[0-9a-f]{16}"), id);
      ids.add(id);
    }
    assertEquals(responses.size(), ids.size(), "all different: " + ids);
  }

  @Test
  void logsMethodRouteTemplateStatusAccountAndRequestIdButNeitherTokenNorBody() throws Exception {
    AccountId account = TestIds.account();
    String token = server.token(account, "Ada", true);
    HttpTestServer.Response room = server.post("/v1/rooms", token, "{\"name\":\"lobby\"}");
    assertEquals(201, room.status(), room.toString());
    String roomId = room.text("room_id");
    String text = "a message text that stays out of the log";
    HttpTestServer.Response sent =
        server.post(
            "/v1/rooms/" + roomId + "/messages",
            token,
            "{\"type\":\"m.plain\",\"content\":{\"text\":\"" + text + "\"}}");
    assertEquals(200, sent.status(), sent.toString());

    String requestId = sent.raw().headers().firstValue(AccessLog.REQUEST_ID_HEADER).orElseThrow();
    LogRecord record = awaitRecord(requestId);
    assertEquals("request", record.getMessage());
    Map<?, ?> fields = (Map<?, ?>) record.getParameters()[0];
    assertEquals(
        Map.of(
            "method",
            "POST",
            "route",
            "/v1/rooms/{id}/messages",
            "status",
            200,
            "ms",
            fields.get("ms"),
            "account",
            account.value(),
            "request_id",
            requestId),
        fields);
    assertFalse(
        fields.toString().contains(token) || fields.toString().contains(text), fields.toString());
    assertFalse(fields.toString().contains(roomId), "the template, not the raw path");
  }

  @Test
  void theObserverHearsEveryRequestWithItsTemplateAndStatusLoggedOrNot() throws Exception {
    BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    try (HttpTestServer quiet =
        HttpTestServer.builder()
            .accessLog(
                new AccessLog(
                    false,
                    (method, route, status, nanos) ->
                        heard.add(
                            method + " " + route + " " + status + (nanos > 0 ? "" : " no time"))))
            .start()) {
      String token = quiet.token(true);
      String roomId = quiet.post("/v1/rooms", token, "{\"name\":\"lobby\"}").text("room_id");
      quiet.get("/v1/rooms/" + roomId, token);
      quiet.get("/no/such/" + roomId, token);
      Set<String> got = new HashSet<>();
      for (int i = 0; i < 3; i++)
        got.add(heard.poll(10, TimeUnit.SECONDS)); // completions may race the replies
      assertEquals(Set.of("POST /v1/rooms 201", "GET /v1/rooms/{id} 200", "GET null 404"), got);
    }
    assertTrue(records.isEmpty(), "the log is off: the observer hears, nothing is logged");
  }

  /**
   * The record of one request, logged once its exchange completes: maybe after the client has the
   * reply.
   */
  private LogRecord awaitRecord(String requestId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      LogRecord record =
          records.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (record == null) throw new AssertionError("no access record for " + requestId);
      if (requestId.equals(((Map<?, ?>) record.getParameters()[0]).get("request_id")))
        return record;
    }
  }
}
