package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.testing.Await;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The server as an operator runs it: a separate JVM started through {@link Main}. Checks the
 * one-line configuration error with exit status 2, the token command, and a SIGTERM that answers
 * held syncs and exits 0 within 5 s.
 */
class ServerProcessTest {
  private static final String SECRET = "process-test-secret-process-test-secret";

  @Test
  void badEnvironmentVariableIsOneLineAndExit2() throws Exception {
    Process p =
        ServerProcess.java(Map.of("CHAT_PORT", "not-a-port")).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
    assertEquals(
        "chat-server: CHAT_PORT: expected an integer from 0 to 65535 (got \"not-a-port\")",
        lastLine(output));
  }

  @Test
  void badIdleTimeoutIsCheckedWithEveryOtherVariableBeforeListening() throws Exception {
    Process p =
        ServerProcess.java(Map.of("CHAT_PORT", "0", "CHAT_GLOBAL_IDLE_TIMEOUT_S", "5"))
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue(), output);
    assertEquals(
        "chat-server: CHAT_GLOBAL_IDLE_TIMEOUT_S: expected an integer from 10 to 604800 (got \"5\")",
        lastLine(output));
    assertTrue(!output.contains("cannot listen") && !output.contains("listening on"), output);
  }

  @Test
  void tokenCommandPrintsATokenTheServerAccepts() throws Exception {
    Process token =
        ServerProcess.java(
                Map.of("CHAT_AUTH_SECRET", SECRET),
                "token",
                "--sub",
                "0123456789abcdef01234567",
                "--admin",
                "--name",
                "Ops")
            .start();
    String jwt = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(token.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, token.exitValue());
    assertEquals(3, jwt.split("\\.").length);

    Process bad =
        ServerProcess.java(Map.of(), "token", "--sub", "nope").redirectErrorStream(true).start();
    bad.getInputStream().readAllBytes();
    assertTrue(bad.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, bad.exitValue());

    try (ServerProcess server = ServerProcess.start(Map.of("CHAT_AUTH_SECRET", SECRET))) {
      HttpResponse<String> me = server.get("/v1/me", jwt);
      assertEquals(200, me.statusCode());
      assertTrue(me.body().contains("\"admin\":true"), me.body());
    }
  }

  @Test
  void sigtermAnswersHeldSyncsEndsStreamsAndExitsZeroWithinFiveSeconds() throws Exception {
    try (ServerProcess server = ServerProcess.start(Map.of("CHAT_AUTH_SECRET", SECRET))) {
      Process token =
          ServerProcess.java(
                  Map.of("CHAT_AUTH_SECRET", SECRET), "token", "--sub", "0123456789abcdef0123456a")
              .start();
      String jwt =
          new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      CompletableFuture<HttpResponse<String>> held =
          server.getAsync("/v1/sync?since=000000000000000000000000&timeout=60s", jwt);
      CompletableFuture<HttpResponse<String>> stream =
          server.getAsync("/v1/events?since=000000000000000000000000", jwt);
      Await.until(
          () -> readyz(server, jwt).contains("\"held_syncs\":1,\"open_streams\":1"),
          () -> "the sync to be held and the stream open");
      long start = System.nanoTime();
      server.process().destroy(); // SIGTERM
      assertTrue(server.process().waitFor(5, TimeUnit.SECONDS), "exits within 5 s");
      assertEquals(0, server.process().exitValue());
      HttpResponse<String> answer = held.get(5, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("\"events\":[]"), answer.body());
      HttpResponse<String> sse = stream.get(5, TimeUnit.SECONDS);
      assertEquals(200, sse.statusCode());
      assertTrue(
          sse.body().endsWith("event: end\ndata: {\"reason\":\"shutdown\"}\n\n"),
          "ended cleanly: " + sse.body());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
    }
  }

  /**
   * What Undertow refuses itself (a declared body over the limit, headers over its size) is JSON
   * too.
   */
  @Test
  void refusalsBeforeAnyHandlerAreJson() throws Exception {
    try (ServerProcess server = ServerProcess.start(Map.of("CHAT_AUTH_SECRET", SECRET))) {
      int port = URI.create(server.base()).getPort();
      String tooLong =
          rawAnswer(
              port,
              "POST /v1/rooms HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                  + "Content-Length: 65537\r\n\r\n");
      assertTrue(tooLong.startsWith("HTTP/1.1 413 "), tooLong);
      assertTrue(
          tooLong.endsWith(
              "\"error\":\"payload_too_large\",\"message\":\"request body must be at most 65536 bytes\"}"),
          tooLong);
      String hugeHeader =
          rawAnswer(
              port,
              "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(1_100_000) + "\r\n\r\n");
      assertTrue(hugeHeader.startsWith("HTTP/1.1 400 "), hugeHeader);
      assertTrue(hugeHeader.contains("\"error\":\"bad_request\""), hugeHeader);
    }
  }

  /** Writes {@code request} and reads the answer up to the end of its body (by Content-Length). */
  private static String rawAnswer(int port, String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      try {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      } catch (IOException answeredAndClosed) {
        // refused before it was all read: the answer is read below all the same
      }
      InputStream in = socket.getInputStream();
      StringBuilder head = new StringBuilder();
      while (!head.toString().endsWith("\r\n\r\n")) {
        int b = in.read();
        if (b < 0) return head.toString();
        head.append((char) b);
      }
      Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
      int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
      return head + new String(in.readNBytes(bodyLength), StandardCharsets.UTF_8);
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.split("\\R");
    return lines[lines.length - 1];
  }

  private static String readyz(ServerProcess server, String jwt) {
    try {
      return server.get("/readyz", jwt).body();
    } catch (Exception e) {
      throw new IllegalStateException("GET /readyz", e);
    }
  }
}
