package dev.chatcore.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server as an operator runs it: a separate JVM started through {@link Main}, on a free port.
 *
 * @param metrics the URL of {@code GET /metrics} the start output printed; null with metrics off
 */
record ServerProcess(Process process, String base, String metrics, HttpClient client)
    implements AutoCloseable {
  static ProcessBuilder java(Map<String, String> env, String... args) {
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().keySet().removeIf(k -> k.startsWith("CHAT_"));
    pb.environment().putAll(env);
    return pb;
  }

  /** Starts the server with {@code env} (and a free port) and waits for its start line. */
  static ServerProcess start(Map<String, String> env) throws Exception {
    return start(env, null);
  }

  /** The same, with standard error (the logs) written to the file {@code stderr}, if not null. */
  static ServerProcess start(Map<String, String> env, Path stderr) throws Exception {
    Map<String, String> all = new HashMap<>(env);
    all.put("CHAT_PORT", "0");
    ProcessBuilder builder = java(all);
    if (stderr == null) {
      builder.redirectErrorStream(true);
    } else {
      builder.redirectError(stderr.toFile());
    }
    Process p = builder.start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    String base = null;
    String metrics = null;
    while ((line = out.readLine()) != null) {
      if (line.startsWith("metrics on ")) metrics = line.substring("metrics on ".length()).strip();
      int at = line.indexOf("chat-server listening on ");
      if (at >= 0) {
        base = line.substring(at + "chat-server listening on ".length()).strip();
        break;
      }
    }
    if (base == null) throw new AssertionError("server did not start");
    Thread drain =
        new Thread(
            () -> {
              try {
                out.transferTo(Writer.nullWriter());
              } catch (IOException ignored) {
                // the process ended
              }
            });
    drain.setDaemon(true);
    drain.start();
    return new ServerProcess(p, base, metrics, HttpClient.newHttpClient());
  }

  HttpResponse<String> get(String path, String token) throws Exception {
    return client.send(request(path, token), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String token, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }

  CompletableFuture<HttpResponse<String>> getAsync(String path, String token) {
    return client.sendAsync(request(path, token), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String path, String token) {
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(70))
        .build();
  }

  @Override
  public void close() throws Exception {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }
}
