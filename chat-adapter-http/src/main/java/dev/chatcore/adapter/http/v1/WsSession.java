package dev.chatcore.adapter.http.v1;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.chatcore.adapter.http.ErrorReply;
import dev.chatcore.adapter.http.HttpErrors;
import dev.chatcore.adapter.http.Json;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.application.Caller;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.moderation.CallGate;
import dev.chatcore.application.stream.LiveStream;
import dev.chatcore.application.stream.OpenStream;
import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.application.stream.StreamSink;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.sync.SyncBatch;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedTextMessage;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.xnio.IoUtils;

/**
 * One {@code /v1/ws} connection. The client's first frame must be {@code
 * {"type":"resume","since","filter"?}}: it opens the live stream, whose batches then go out as
 * {@code {"type":"events","events":[...],"next_batch"}} text frames (with a sync answer's {@code
 * to_device}, {@code device_lists} and key counts for a caller on a device). Afterwards the client
 * may {@code send} messages (answered {@code ack} or {@code error}, through the same use case, gate
 * and error mapping as {@code POST /v1/rooms/{id}/messages}) and {@code ping} ({@code pong}).
 *
 * <p>Frames are handled in order, off the IO thread ({@link Serial}). Keep-alives are WebSocket
 * pings. The end: a refusal sends an {@code error} frame, then closes (1008 for a ban, 1011
 * otherwise); routine ends close with 1000 ({@code lifetime}, {@code replaced}) or 1001 ({@code
 * shutdown}); a client that stopped reading is disconnected.
 */
final class WsSession implements StreamSink {
  /** How long a client may take to send its {@code resume} before it is closed. */
  static final Duration RESUME_WITHIN = Duration.ofSeconds(10);

  private static final WebSocketCallback<Void> CLOSE_ON_ERROR =
      new WebSocketCallback<>() {
        @Override
        public void complete(WebSocketChannel channel, Void context) {}

        @Override
        public void onError(WebSocketChannel channel, Void context, Throwable failure) {
          IoUtils.safeClose(channel);
        }
      };

  /** What every session uses. */
  record Wiring(
      OpenStream openStream,
      SendMessage sendMessage,
      CallGate gate,
      StreamEncoder encoder,
      Executor executor,
      long maxFrameBytes) {}

  private final Caller caller;
  private final WebSocketChannel channel;
  private final Wiring wiring;
  private final Serial inbox;
  private final AtomicBoolean closing = new AtomicBoolean();
  private volatile LiveStream stream;

  WsSession(Caller caller, WebSocketChannel channel, Wiring wiring) {
    this.caller = caller;
    this.channel = channel;
    this.wiring = wiring;
    this.inbox = new Serial(wiring.executor());
  }

  /** IO thread: starts reading frames; {@code finished} runs when the connection closes. */
  void start(Runnable finished) {
    channel.addCloseTask(
        c -> {
          LiveStream s = stream;
          if (s != null) s.close();
          finished.run();
        });
    channel
        .getReceiveSetter()
        .set(
            new AbstractReceiveListener() {
              @Override
              protected void onFullTextMessage(WebSocketChannel ch, BufferedTextMessage message) {
                String text = message.getData();
                inbox.execute(() -> handle(text));
              }

              @Override
              protected long getMaxTextBufferSize() {
                return wiring.maxFrameBytes();
              }
            });
    channel.resumeReceives();
    channel
        .getIoThread()
        .executeAfter(
            () -> {
              if (stream == null) close(1008, "resume first");
            },
            RESUME_WITHIN.toMillis(),
            TimeUnit.MILLISECONDS);
  }

  /** One client frame, in order. */
  private void handle(String text) {
    Optional<String> txnId = Optional.empty();
    try {
      JsonBody frame = Json.parseObject(text.getBytes(StandardCharsets.UTF_8));
      txnId = frame.optionalString("txn_id");
      String type = frame.requiredString("type");
      if (stream == null && !type.equals("resume")) {
        sendError(txnId, new InvalidInputException("type", "the first frame must be resume"));
        close(1008, "resume first");
        return;
      }
      switch (type) {
        case "resume" -> resume(frame);
        case "send" -> send(frame, txnId);
        case "ping" -> sendJson(Map.of("type", "pong"));
        default -> throw new InvalidInputException("type", "must be resume, send or ping");
      }
    } catch (RuntimeException e) {
      sendError(txnId, e);
    }
  }

  private void resume(JsonBody frame) {
    if (stream != null)
      throw new InvalidInputException("type", "resume only once, as the first frame");
    EventId since = EventId.parse(frame.requiredString("since"), "since");
    Optional<Set<RoomId>> filter = frame.optionalStringList("filter").map(SyncParams::rooms);
    stream = wiring.openStream().open(new OpenStream.Command(caller, since, filter), this);
    if (!channel.isOpen()) stream.close(); // the client left while the stream opened
  }

  private void send(JsonBody frame, Optional<String> txnId) {
    wiring
        .gate()
        .admit(caller); // the ban and the rate limit of an HTTP post, before anything else as there
    if (txnId.isEmpty())
      throw new InvalidInputException("txn_id", "is required: acks and errors name it");
    RoomId room = RoomId.parse(frame.requiredString("room_id"), "room_id");
    if (!frame.optionalString("msg_type").orElse("m.plain").equals("m.plain")) {
      throw new InvalidInputException("msg_type", "must be m.plain");
    }
    Event event = wiring.sendMessage().send(V1MessageRoutes.message(caller, room, frame));
    Map<String, Object> ack = new LinkedHashMap<>();
    ack.put("type", "ack");
    ack.put("txn_id", txnId.get());
    ack.put("event_id", event.id().toString());
    sendJson(ack);
  }

  @Override
  public long deliver(SyncBatch batch, Written written) {
    byte[] frame = wiring.encoder().websocketFrame(caller.id(), batch);
    int events = batch.events().size();
    WebSockets.sendText(
        ByteBuffer.wrap(frame),
        channel,
        new WebSocketCallback<Void>() {
          @Override
          public void complete(WebSocketChannel ch, Void context) {
            written.written(events, frame.length);
          }

          @Override
          public void onError(WebSocketChannel ch, Void context, Throwable failure) {
            IoUtils.safeClose(ch);
          }
        });
    return frame.length;
  }

  @Override
  public void heartbeat() {
    WebSockets.sendPing(ByteBuffer.allocate(0), channel, CLOSE_ON_ERROR);
  }

  @Override
  public void end(StreamEnd end) {
    switch (end.reason()) {
      case CLOSED, SLOW_CONSUMER -> IoUtils.safeClose(channel);
      case FAILED -> {
        RuntimeException failure = end.failure().orElseThrow();
        ErrorReply error = HttpErrors.toReply(failure);
        sendError(Optional.empty(), failure);
        close(error.status() == 401 ? 1008 : 1011, error.error());
      }
      case LIFETIME, REPLACED -> close(1000, end.reason().name().toLowerCase(Locale.ROOT));
      case SHUTDOWN -> close(1001, "shutdown");
    }
  }

  /**
   * {@code {"type":"error","txn_id"?,"error","message",...}}: the error body of the HTTP mapping.
   */
  private void sendError(Optional<String> txnId, RuntimeException failure) {
    ErrorReply error = HttpErrors.toReply(failure);
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", "error");
    txnId.ifPresent(t -> frame.put("txn_id", t));
    frame.putAll(error.body());
    String retryAfter = error.headers().get("Retry-After");
    if (retryAfter != null) frame.put("retry_after_s", Long.parseLong(retryAfter));
    sendJson(frame);
  }

  private void sendJson(Map<String, Object> frame) {
    try {
      WebSockets.sendText(
          ByteBuffer.wrap(Json.mapper().writeValueAsBytes(frame)), channel, CLOSE_ON_ERROR);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Sends a close frame; the connection closes when the client answers it, or 5 s later. */
  private void close(int code, String reason) {
    if (!closing.compareAndSet(false, true)) return;
    WebSockets.sendClose(code, reason, channel, CLOSE_ON_ERROR);
    channel.getIoThread().executeAfter(() -> IoUtils.safeClose(channel), 5, TimeUnit.SECONDS);
  }
}
