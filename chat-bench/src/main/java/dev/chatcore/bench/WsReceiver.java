package dev.chatcore.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * A WebSocket receiver ({@code GET /v1/ws}) on the JDK's HttpClient WebSocket: sends {@code
 * {"type":"resume","since","filter"}}, hands every {@code events} frame to the listener and keeps
 * its {@code next_batch}; when the server closes (lifetime, a slow-consumer cut, a restart) it
 * connects again and resumes from that cursor. Pausing stops requesting frames, so the client stops
 * reading its socket (a slow consumer). Its thread only connects and waits; frames arrive on the
 * client's executor.
 */
final class WsReceiver extends Receiver implements WebSocket.Listener {
  private final HttpClient client;
  private final StringBuilder partial = new StringBuilder();
  private volatile String cursor;
  private volatile WebSocket socket;
  private volatile CompletableFuture<Void> closed = new CompletableFuture<>();

  WsReceiver(Run run, HttpClient client, BenchUser user, String cursor) {
    super(run, user, cursor);
    this.client = client;
    this.cursor = cursor;
  }

  @Override
  public void run() {
    boolean first = true;
    try {
      while (!stop) {
        closed = new CompletableFuture<>();
        connectPermits.acquire();
        try {
          socket =
              client
                  .newWebSocketBuilder()
                  .connectTimeout(Duration.ofSeconds(10))
                  .header("Authorization", "Bearer " + user.token())
                  .buildAsync(
                      URI.create("ws://" + target.host() + ":" + target.port() + "/v1/ws"), this)
                  .get(30, TimeUnit.SECONDS);
          socket
              .sendText(
                  "{\"type\":\"resume\",\"since\":\""
                      + cursor
                      + "\",\"filter\":[\""
                      + roomId
                      + "\"]}",
                  true)
              .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
          if (!stop) {
            errors.transport(e.getCause() == null ? e : e.getCause());
            if (first) {
              dead = true;
              return;
            }
          }
          LockSupport.parkNanos(100_000_000L);
          continue;
        } finally {
          connectPermits.release();
        }
        if (first) {
          started.countDown();
          first = false;
        } else {
          reopened++;
        }
        try {
          closed.get(); // until the server closes or the bench stops
        } catch (ExecutionException e) {
          // closed either way
        }
        if (!stop) LockSupport.parkNanos(50_000_000L);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (first) started.countDown();
    }
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      long now = System.nanoTime();
      String frame = partial.toString();
      partial.setLength(0);
      if (frame.startsWith("{\"type\":\"events\"")) {
        errors.responses.incrementAndGet();
        String next = Wire.nextBatch(frame);
        if (next != null) {
          cursor = next;
          moved(next);
        }
        listener.onResponse(this, frame, now);
      } else if (frame.contains("\"type\":\"error\"")) {
        errors.malformed("/v1/ws error frame: " + frame);
      }
    }
    if (!paused)
      webSocket.request(1); // a paused receiver asks for nothing more: its socket fills up
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(null);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    if (!stop && !paused) errors.transport(error);
    closed.complete(null);
  }

  @Override
  void stop() {
    stop = true;
    WebSocket s = socket;
    if (s != null) s.abort();
    closed.complete(null);
  }
}
