package dev.chatcore.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A WebSocket client for tests (the JDK's): collects text frames as JSON, pings and the close. */
public final class WsClient implements WebSocket.Listener, AutoCloseable {
  /** The close the server sent. */
  public record Closed(int code, String reason) {}

  private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private final AtomicInteger pings = new AtomicInteger();
  private final CompletableFuture<Closed> closed = new CompletableFuture<>();
  private WebSocket socket;

  private WsClient() {}

  /**
   * Connects to {@code /v1/ws} (plus {@code query}), with a bearer token when {@code token} is not
   * null.
   */
  public static WsClient connect(HttpClient http, int port, String query, String token)
      throws Exception {
    WsClient c = new WsClient();
    WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (token != null) b.header("Authorization", "Bearer " + token);
    c.socket =
        b.buildAsync(URI.create("ws://127.0.0.1:" + port + "/v1/ws" + query), c)
            .get(10, TimeUnit.SECONDS);
    return c;
  }

  public void send(String json) throws Exception {
    socket.sendText(json, true).get(10, TimeUnit.SECONDS);
  }

  /** The next text frame as JSON; null when none came within {@code wait}. */
  public JsonNode next(Duration wait) throws InterruptedException {
    return frames.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  public int pings() {
    return pings.get();
  }

  public Closed awaitClose(Duration wait) throws Exception {
    return closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        frames.add(Json.mapper().readTree(partial.toString()));
      } catch (IOException e) {
        throw new AssertionError("a frame that is not JSON: " + partial, e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
    pings.incrementAndGet();
    webSocket.request(1);
    return null; // the JDK answers with a pong
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(new Closed(statusCode, reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(new Closed(-1, String.valueOf(error)));
  }

  @Override
  public void close() {
    socket.abort();
  }
}
