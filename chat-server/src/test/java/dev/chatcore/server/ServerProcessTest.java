package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

  private static ProcessBuilder java(Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of(
        ProcessHandle.current().info().command().orElse("java"),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("CHAT_"));
    pb.environment().putAll(env);
    return pb;
  }

  @Test
  void badEnvironmentVariableIsOneLineAndExit2() throws Exception {
    Process p = java(Map.of("CHAT_PORT", "not-a-port")).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
    assertEquals("chat-server: CHAT_PORT: expected an integer from 0 to 65535 (got \"not-a-port\")", lastLine(output));
  }

  @Test
  void tokenCommandPrintsATokenTheServerAccepts() throws Exception {
    Process token = java(Map.of("CHAT_AUTH_SECRET", SECRET), "token", "--sub", "0123456789abcdef01234567",
        "--admin", "--name", "Ops").start();
    String jwt = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(token.waitFor(30, TimeUnit.SECONDS));
    assertEquals(0, token.exitValue());
    assertEquals(3, jwt.split("\\.").length);

    Process bad = java(Map.of(), "token", "--sub", "nope").redirectErrorStream(true).start();
    bad.getInputStream().readAllBytes();
    assertTrue(bad.waitFor(30, TimeUnit.SECONDS));
    assertEquals(2, bad.exitValue());

    try (Running server = Running.start(Map.of("CHAT_AUTH_SECRET", SECRET))) {
      HttpResponse<String> me = server.get("/v1/me", jwt);
      assertEquals(200, me.statusCode());
      assertTrue(me.body().contains("\"admin\":true"), me.body());
    }
  }

  @Test
  void sigtermAnswersHeldSyncsAndExitsZeroWithinFiveSeconds() throws Exception {
    try (Running server = Running.start(Map.of("CHAT_AUTH_SECRET", SECRET))) {
      Process token = java(Map.of("CHAT_AUTH_SECRET", SECRET), "token", "--sub", "0123456789abcdef0123456a").start();
      String jwt = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      CompletableFuture<HttpResponse<String>> held = server.getAsync("/v1/sync?since=000000000000000000000000&timeout=60s", jwt);
      long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!server.get("/readyz", jwt).body().contains("\"held_syncs\":1")) {
        if (System.nanoTime() > wait) throw new AssertionError("the sync was never held");
        Thread.sleep(5);
      }
      long start = System.nanoTime();
      server.process.destroy(); // SIGTERM
      assertTrue(server.process.waitFor(5, TimeUnit.SECONDS), "exits within 5 s");
      assertEquals(0, server.process.exitValue());
      HttpResponse<String> answer = held.get(5, TimeUnit.SECONDS);
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(answer.body().contains("\"events\":[]"), answer.body());
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 5000);
    }
  }

  private static String lastLine(String output) {
    String[] lines = output.split("\\R");
    return lines[lines.length - 1];
  }

  /** A server process on a free port. */
  private record Running(Process process, String base, HttpClient client) implements AutoCloseable {
    static Running start(Map<String, String> env) throws Exception {
      Map<String, String> all = new java.util.HashMap<>(env);
      all.put("CHAT_PORT", "0");
      Process p = java(all).redirectErrorStream(true).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String line;
      String base = null;
      while ((line = out.readLine()) != null) {
        int at = line.indexOf("chat-server listening on ");
        if (at >= 0) {
          base = line.substring(at + "chat-server listening on ".length()).strip();
          break;
        }
      }
      if (base == null) throw new AssertionError("server did not start");
      Thread drain = new Thread(() -> {
        try {
          out.transferTo(java.io.Writer.nullWriter());
        } catch (java.io.IOException ignored) {
          // the process ended
        }
      });
      drain.setDaemon(true);
      drain.start();
      return new Running(p, base, HttpClient.newHttpClient());
    }

    HttpResponse<String> get(String path, String token) throws Exception {
      return client.send(request(path, token), HttpResponse.BodyHandlers.ofString());
    }

    CompletableFuture<HttpResponse<String>> getAsync(String path, String token) {
      return client.sendAsync(request(path, token), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String token) {
      return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
          .timeout(Duration.ofSeconds(70)).build();
    }

    @Override
    public void close() throws Exception {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
