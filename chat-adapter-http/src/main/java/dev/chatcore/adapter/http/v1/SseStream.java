package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ConnectionWatch;
import dev.chatcore.adapter.http.ErrorReply;
import dev.chatcore.adapter.http.HttpErrors;
import dev.chatcore.adapter.http.Json;
import dev.chatcore.adapter.http.Outbox;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.application.stream.LiveStream;
import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.application.stream.StreamSink;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.sync.SyncBatch;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code GET /v1/events} response: a live stream written as Server-Sent Events. Each event is
 * one message, {@code id: <event id>}, {@code event: <type>}, {@code data: <the event as in
 * /v1/sync>}; a silent stream gets a {@code : keep-alive} comment each heartbeat interval. The
 * end is said before the response ends: {@code event: error} with the error body for a refusal
 * (a ban), {@code event: end} with the reason for a routine end (lifetime, shutdown, replaced by a
 * newer stream of the account); a client that stopped reading, or left, is simply disconnected.
 * None of these carries an {@code id:}, so the client's {@code Last-Event-ID} stays its last event.
 */
final class SseStream implements StreamSink, Reply.Takeover {
  private static final byte[] KEEP_ALIVE = ": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII);

  private final AccountId viewer;
  private final StreamEncoder encoder;
  private final ConnectionWatch watch;
  private final Outbox outbox = new Outbox();
  private volatile LiveStream stream;

  SseStream(AccountId viewer, StreamEncoder encoder, ConnectionWatch watch) {
    this.viewer = viewer;
    this.encoder = encoder;
    this.watch = watch;
  }

  /** The stream this response carries: set once, right after it opened. */
  SseStream carrying(LiveStream stream) {
    this.stream = stream;
    return this;
  }

  @Override
  public void start(HttpServerExchange exchange, Runnable finished) {
    exchange.setStatusCode(200);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-cache");
    // reverse proxies that buffer responses (nginx) would hold events back
    exchange.getResponseHeaders().put(HttpString.tryFromString("X-Accel-Buffering"), "no");
    exchange.addExchangeCompleteListener((ex, next) -> {
      stream.close(); // ended by us, or the connection is gone: either way the stream is over
      finished.run();
      next.proceed();
    });
    outbox.bind(exchange);
    watch.watch(exchange, stream::close); // a closed connection is seen at once, not at the next write
  }

  @Override
  public void abandon() {
    stream.close();
  }

  @Override
  public long deliver(SyncBatch batch, Written written) {
    List<StreamEncoder.Encoded> events = encoder.encode(viewer, batch.events());
    ByteBuffer[] frames = new ByteBuffer[events.size()];
    long bytes = 0;
    for (int i = 0; i < frames.length; i++) {
      frames[i] = events.get(i).sse();
      bytes += frames[i].remaining();
    }
    outbox.enqueue(frames, frames.length, bytes, written);
    return bytes;
  }

  @Override
  public void heartbeat() {
    outbox.enqueue(ByteBuffer.wrap(KEEP_ALIVE));
  }

  @Override
  public void end(StreamEnd end) {
    switch (end.reason()) {
      case CLOSED, SLOW_CONSUMER -> outbox.abort();
      case FAILED -> {
        ErrorReply error = HttpErrors.toReply(end.failure().orElseThrow());
        outbox.enqueue(ByteBuffer.wrap(message("error", error.body())));
        outbox.finish();
      }
      case LIFETIME, SHUTDOWN, REPLACED -> {
        outbox.enqueue(ByteBuffer.wrap(message("end", Map.of("reason", end.reason().name().toLowerCase(Locale.ROOT)))));
        outbox.finish();
      }
    }
  }

  private static byte[] message(String type, Object data) {
    try {
      return ("event: " + type + "\ndata: " + Json.mapper().writeValueAsString(data) + "\n\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
