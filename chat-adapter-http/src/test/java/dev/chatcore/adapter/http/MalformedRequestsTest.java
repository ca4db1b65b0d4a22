package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Requests no client library sends, written byte for byte: each gets a JSON error with the right
 * status, or (a request that never finishes) is closed after the parse timeout. Never a hang, never
 * an empty body.
 */
class MalformedRequestsTest {
  static final Duration PARSE_TIMEOUT = Duration.ofMillis(700);
  static HttpTestServer server;
  static String admin;

  @BeforeAll
  static void start() {
    server = HttpTestServer.builder().parseTimeout(PARSE_TIMEOUT).start();
    admin = server.token(true);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static RawHttp connect() {
    return new RawHttp(server.port());
  }

  private static void assertJsonError(RawHttp.Answer a, int status, String error) {
    assertEquals(status, a.status(), a.toString());
    assertEquals("application/json", a.headers().get("content-type"), a.toString());
    assertEquals(error, a.error(), a.toString());
    assertFalse(a.json().path("message").asText().isBlank(), a.toString());
  }

  private static String post(String path, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Authorization: Bearer " + admin;
    all[1] = "Content-Type: application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return RawHttp.head("POST " + path + " HTTP/1.1", all);
  }

  @Test
  void declaredLengthOverTheLimitIs413() {
    try (RawHttp c = connect()) {
      assertJsonError(
          c.send(post("/v1/rooms", "Content-Length: 65537")).answer(), 413, "payload_too_large");
      assertTrue(c.closedByServer(), "the unread body is not waited for beyond the parse timeout");
    }
  }

  @Test
  void chunkedBodyOverTheLimitIs413() {
    try (RawHttp c = connect()) {
      c.send(post("/v1/rooms", "Transfer-Encoding: chunked"));
      String chunk = "x".repeat(16 * 1024);
      c.sendRefusable((Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n").repeat(5));
      assertJsonError(c.answer(), 413, "payload_too_large");
    }
  }

  @Test
  void chunkedBodyWithinTheLimitIsServed() {
    try (RawHttp c = connect()) {
      String body = "{\"name\":\"chunky\"}";
      c.send(
          post("/v1/rooms", "Transfer-Encoding: chunked")
              + Integer.toHexString(body.length())
              + "\r\n"
              + body
              + "\r\n0\r\n\r\n");
      assertEquals(201, c.answer().status());
    }
  }

  @Test
  void transferCodingsOtherThanChunkedAre501() {
    for (String coding : new String[] {"gzip", "identity", "gzip, chunked", "chunked, gzip"}) {
      try (RawHttp c = connect()) {
        assertJsonError(
            c.send(post("/v1/rooms", "Transfer-Encoding: " + coding) + "{}").answer(),
            501,
            "not_implemented");
      }
    }
  }

  @Test
  void undertowsOwnRefusalsCarryTheJsonBody() {
    String[] requests = {
      RawHttp.head(
          "GET /healthz HTTP/1.1", "X-Big: " + "a".repeat(1024 * 1024 + 10)), // header over 1 MiB
      RawHttp.head(
          "GET /v1/rooms?" + "a=1&".repeat(1001) + " HTTP/1.1"), // more than 1000 parameters
      RawHttp.head("GET /healthz HTTP/1.1", "Content-Length: abc"),
      RawHttp.head("GET /healthz HTTP/1.1", "Host: another"), // two Host headers
      "GET /healthz HTTP/1.1\r\n\r\n", // no Host
      "NOT A REQUEST\r\n\r\n",
    };
    for (String request : requests) {
      try (RawHttp c = connect()) {
        RawHttp.Answer a = c.sendRefusable(request).answer();
        assertEquals(
            400, a.status(), request.substring(0, Math.min(60, request.length())) + " -> " + a);
        assertJsonError(a, 400, "bad_request");
      }
    }
  }

  @Test
  void tooManyHeadersCarryTheJsonBody() {
    String[] headers = new String[250];
    for (int i = 0; i < headers.length; i++) headers[i] = "X-H" + i + ": v";
    try (RawHttp c = connect()) {
      assertJsonError(
          c.sendRefusable(RawHttp.head("GET /healthz HTTP/1.1", headers)).answer(),
          400,
          "bad_request");
    }
  }

  @Test
  void invalidUtf8InABodyIs400() {
    String[] invalid = {
      "c0af", // overlong '/'
      "c080", // overlong NUL
      "c1bf", // overlong DEL
      "e080af", // 3-byte overlong '/'
      "f08080af", // 4-byte overlong '/'
      "eda080", // encoded surrogate U+D800
      "f4908080", // U+110000
      "ff",
    };
    for (String hex : invalid) {
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      body.writeBytes("{\"name\":\"a".getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(HexFormat.of().parseHex(hex));
      body.writeBytes("b\"}".getBytes(StandardCharsets.US_ASCII));
      try (RawHttp c = connect()) {
        c.send(post("/v1/rooms", "Content-Length: " + body.size())).send(body.toByteArray());
        RawHttp.Answer a = c.answer();
        assertJsonError(a, 400, "bad_request");
        assertTrue(a.json().path("message").asText().contains("UTF-8"), hex + ": " + a);
      }
    }
  }

  @Test
  void validUtf8IsAccepted() {
    byte[] body = "{\"name\":\"caf\u00e9 \ud83d\ude00\"}".getBytes(StandardCharsets.UTF_8);
    try (RawHttp c = connect()) {
      c.send(post("/v1/rooms", "Content-Length: " + body.length)).send(body);
      RawHttp.Answer a = c.answer();
      assertEquals(201, a.status(), a.toString());
      assertEquals("caf\u00e9 \ud83d\ude00", a.json().path("name").asText());
    }
  }

  @Test
  void halfSentHeadIsClosedAfterTheParseTimeoutWhileOthersAreServed() {
    try (RawHttp slow = new RawHttp(server.port(), Duration.ofSeconds(15))) {
      slow.send("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ");
      assertEquals(
          200, server.get("/healthz", null).status(), "another client is served meanwhile");
      long started = System.nanoTime();
      assertTrue(slow.closedByServer(), "closed before the 15 s read timeout");
      assertTrue(
          Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0);
    }
  }

  @Test
  void halfSentBodyIsClosedAfterTheParseTimeoutWhileOthersAreServed() {
    try (RawHttp slow = new RawHttp(server.port(), Duration.ofSeconds(15))) {
      slow.send(post("/v1/rooms", "Content-Length: 100") + "{\"name\":");
      assertEquals(
          200, server.get("/healthz", null).status(), "another client is served meanwhile");
      assertTrue(slow.closedByServer(), "closed before the 15 s read timeout");
    }
  }

  @Test
  void headAndBodyTricklingInAreClosedAfterTheParseTimeout() throws Exception {
    assertClosedWhileTrickling("GET /healthz HTTP/1.1\r\nHost: localhost\r\nX-Slow: ", "a");
    assertClosedWhileTrickling(post("/v1/rooms", "Content-Length: 60000") + "{\"name\":\"", "b");
  }

  /**
   * Sends {@code start}, then {@code drip} every 100 ms: the server must close within 10 s all the
   * same.
   */
  private static void assertClosedWhileTrickling(String start, String drip) throws Exception {
    try (RawHttp slow = new RawHttp(server.port(), Duration.ofSeconds(15))) {
      slow.send(start);
      ScheduledExecutorService dripper = Executors.newSingleThreadScheduledExecutor();
      dripper.scheduleAtFixedRate(
          () -> {
            try {
              slow.send(drip);
            } catch (UncheckedIOException closed) {
              dripper.shutdown(); // the server closed the connection
            }
          },
          100,
          100,
          TimeUnit.MILLISECONDS);
      long started = System.nanoTime();
      assertTrue(slow.closedByServer(), "closed before the 15 s read timeout");
      assertTrue(
          Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(10)) < 0);
      dripper.shutdownNow();
      assertTrue(dripper.awaitTermination(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aHeldSyncOutlivesTheParseTimeout() {
    String player = server.token(false);
    HttpTestServer.Response held =
        server.get(
            "/v1/sync?since=" + server.core().storage().events().head() + "&timeout=2s", player);
    assertEquals(200, held.status(), held.toString());
    assertEquals(0, held.json().path("events").size());
  }
}
