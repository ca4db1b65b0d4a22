package dev.chatcore.adapter.http.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatcore.adapter.http.ConnectionWatch;
import dev.chatcore.adapter.http.ErrorReply;
import dev.chatcore.adapter.http.HttpErrors;
import dev.chatcore.adapter.http.Json;
import dev.chatcore.adapter.http.Outbox;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.application.stream.LiveStream;
import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.application.stream.StreamSink;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.sync.DeviceUpdates;
import dev.chatcore.domain.sync.SyncBatch;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code GET /v1/events} response: a live stream written as Server-Sent Events. Each event is
 * one message, {@code id: <event id>}, {@code event: <type>}, {@code data: <the event as in
 * /v1/sync>}; a silent stream gets a {@code : keep-alive} comment each heartbeat interval. The end
 * is said before the response ends: {@code event: error} with the error body for a refusal (a ban),
 * {@code event: end} with the reason for a routine end (lifetime, shutdown, replaced by a newer
 * stream of the account); a client that stopped reading, or left, is simply disconnected. None of
 * these carries an {@code id:}, so the client's {@code Last-Event-ID} stays its last event.
 *
 * <p>A caller on a device also gets its share of each batch, as a sync answer carries it: first an
 * {@code event: device} message without an {@code id:} ({@code device_lists} and the key counts; a
 * client that resumes before the batch's end gets them again, which only repeats a hint), then each
 * to-device message as its own {@code event: to_device} message whose {@code id:} is its stream
 * position, in position order among the events. So {@code Last-Event-ID} covers to-device messages
 * exactly as it covers events: resuming from it acknowledges every one up to there (the client got
 * them) and none after (it did not), even when the connection broke mid-batch.
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
    exchange.addExchangeCompleteListener(
        (ex, next) -> {
          stream.close(); // ended by us, or the connection is gone: either way the stream is over
          finished.run();
          next.proceed();
        });
    outbox.bind(exchange);
    watch.watch(
        exchange, stream::close); // a closed connection is seen at once, not at the next write
  }

  @Override
  public void abandon() {
    stream.close();
  }

  @Override
  public long deliver(SyncBatch batch, Written written) {
    List<StreamEncoder.Encoded> events = encoder.encode(viewer, batch.events());
    if (batch.device().isPresent())
      return deliverWithDevice(batch, events, batch.device().get(), written);
    ByteBuffer[] frames = new ByteBuffer[events.size()];
    long bytes = 0;
    for (int i = 0; i < frames.length; i++) {
      frames[i] = events.get(i).sse();
      bytes += frames[i].remaining();
    }
    outbox.enqueue(frames, frames.length, bytes, written);
    return bytes;
  }

  /** The device's share first, then events and to-device messages merged by position. */
  private long deliverWithDevice(
      SyncBatch batch, List<StreamEncoder.Encoded> events, DeviceUpdates device, Written written) {
    List<ToDeviceMessage> toDevice = device.toDevice();
    List<ByteBuffer> frames = new ArrayList<>(events.size() + toDevice.size() + 1);
    frames.add(ByteBuffer.wrap(message(null, "device", V1DeviceJson.state(device))));
    int next = 0;
    for (int i = 0; i < events.size(); i++) {
      EventId at = batch.events().get(i).id();
      for (; next < toDevice.size() && at.isAfter(toDevice.get(next).position()); next++) {
        frames.add(toDeviceFrame(toDevice.get(next)));
      }
      frames.add(events.get(i).sse());
    }
    for (; next < toDevice.size(); next++) frames.add(toDeviceFrame(toDevice.get(next)));
    long bytes = 0;
    for (ByteBuffer frame : frames) bytes += frame.remaining();
    outbox.enqueue(frames.toArray(ByteBuffer[]::new), events.size(), bytes, written);
    return bytes;
  }

  private static ByteBuffer toDeviceFrame(ToDeviceMessage m) {
    return ByteBuffer.wrap(message(m.position().toString(), "to_device", V1DeviceJson.message(m)));
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
        outbox.enqueue(ByteBuffer.wrap(message(null, "error", error.body())));
        outbox.finish();
      }
      case LIFETIME, SHUTDOWN, REPLACED -> {
        outbox.enqueue(
            ByteBuffer.wrap(
                message(
                    null, "end", Map.of("reason", end.reason().name().toLowerCase(Locale.ROOT)))));
        outbox.finish();
      }
    }
  }

  /**
   * One SSE message; {@code id} null for none. The JSON must be one {@code data:} line: raw line
   * breaks in valid JSON are white space between tokens (raw JSON a host stored may have them), so
   * they become blanks, as in {@link StreamEncoder}.
   */
  private static byte[] message(String id, String type, Object data) {
    try {
      String json = Json.mapper().writeValueAsString(data).replace('\n', ' ').replace('\r', ' ');
      return ((id == null ? "" : "id: " + id + "\n")
              + "event: "
              + type
              + "\ndata: "
              + json
              + "\n\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
