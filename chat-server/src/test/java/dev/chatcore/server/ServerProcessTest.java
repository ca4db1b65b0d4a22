package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
    Process p = ServerProcess.java(Map.of("CHAT_PORT", "not-a-port")).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
    assertEquals("chat-server: CHAT_PORT: expected an integer from 0 to 65535 (got \"not-a-port\")", lastLine(output));
  }

  @Test
  void tokenCommandPrintsATokenTheServerAccepts() throws Exception {
    Process token = ServerProcess.java(Map.of("CHAT_AUTH_SECRET", SECRET), "token", "--sub", "0123456789abcdef01234567",
        "--admin", "--name", "Ops").start();
    String jwt = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(token.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, token.exitValue());
    assertEquals(3, jwt.split("\\.").length);

    Process bad = ServerProcess.java(Map.of(), "token", "--sub", "nope").redirectErrorStream(true).start();
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
      Process token = ServerProcess.java(Map.of("CHAT_AUTH_SECRET", SECRET), "token", "--sub", "0123456789abcdef0123456a").start();
      String jwt = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      CompletableFuture<HttpResponse<String>> held = server.getAsync("/v1/sync?since=000000000000000000000000&timeout=60s", jwt);
      CompletableFuture<HttpResponse<String>> stream = server.getAsync("/v1/events?since=000000000000000000000000", jwt);
      long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!server.get("/readyz", jwt).body().contains("\"held_syncs\":1,\"open_streams\":1")) {
        if (System.nanoTime() > wait) throw new AssertionError("the sync was never held, or the stream never opened");
        Thread.sleep(5);
      }
      long start = System.nanoTime();
      server.process().destroy(); // SIGTERM
      assertTrue(server.process().waitFor(5, TimeUnit.SECONDS), "exits within 5 s");
      assertEquals(0, server.process().exitValue());
      HttpResponse<String> answer = held.get(5, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("\"events\":[]"), answer.body());
      HttpResponse<String> sse = stream.get(5, TimeUnit.SECONDS);
      assertEquals(200, sse.statusCode());
      assertTrue(sse.body().endsWith("event: end\ndata: {\"reason\":\"shutdown\"}\n\n"), "ended cleanly: " + sse.body());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.split("\\R");
    return lines[lines.length - 1];
  }

}
