package dev.chatcore.bench;

import io.undertow.Undertow;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.SameThreadExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.xnio.channels.StreamSinkChannel;

/**
 * The floor under a live-push delivery on this machine: an Undertow server that does only what a
 * push must do. {@code GET /v1/events} answers {@code text/event-stream} and keeps the response
 * open; {@code POST /push?id=N} writes one SSE frame of a fixed size ({@code id: N}, {@code
 * event:}, a {@code data:} line {@code {"n":N,"pad":"…"}} padded to the size) to every open stream,
 * straight from the IO thread that took the POST, then answers 204. No JSON, no storage, no cursor,
 * no thread hop: what is left is the write itself (on loopback the sender's {@code write} also runs
 * the receiver's TCP processing) and Undertow's chunked framing. Run by the {@code pushfloor}
 * scenario as a subprocess with the chat server's JVM options: {@code java -cp chat-bench.jar
 * dev.chatcore.bench.PushFloorServer [port [frameBytes]]}; it prints {@code push-floor-server
 * listening on http://127.0.0.1:<port>}.
 */
public final class PushFloorServer {
  private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
  private final int frameBytes;

  private PushFloorServer(int frameBytes) {
    this.frameBytes = frameBytes;
  }

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    int frameBytes = args.length > 1 ? Integer.parseInt(args[1]) : 320;
    PushFloorServer floor = new PushFloorServer(frameBytes);
    Undertow server =
        Undertow.builder().addHttpListener(port, "127.0.0.1").setHandler(floor::handle).build();
    server.start();
    InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    System.out.println("push-floor-server listening on http://127.0.0.1:" + bound.getPort());
    System.out.flush();
  }

  private void handle(HttpServerExchange exchange) {
    switch (exchange.getRequestPath()) {
      case "/v1/events" -> open(exchange); // the path of the chat server's SSE, for its receivers
      case "/push" -> {
        ByteBuffer frame = frame(exchange.getQueryParameters().get("id").getFirst());
        for (Stream s : streams) s.write(frame.duplicate());
        exchange.setStatusCode(204);
        exchange.endExchange();
      }
      default -> {
        exchange.setStatusCode(404);
        exchange.endExchange();
      }
    }
  }

  /** The response stays open: dispatched to no thread, it is not ended when the handler returns. */
  private void open(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/event-stream; charset=utf-8");
    exchange.dispatch(
        SameThreadExecutor.INSTANCE,
        () -> {
          Stream stream = new Stream(exchange.getResponseChannel());
          streams.add(stream);
          exchange.addExchangeCompleteListener(
              (ex, next) -> {
                streams.remove(stream);
                next.proceed();
              });
          stream.write(ByteBuffer.wrap(": open\n\n".getBytes(StandardCharsets.US_ASCII)));
        });
  }

  private ByteBuffer frame(String id) {
    StringBuilder b =
        new StringBuilder(frameBytes).append("id: ").append(id).append("\nevent: m.room.message\n");
    b.append("data: {\"n\":").append(id).append(",\"pad\":\"");
    while (b.length() < frameBytes - 4) b.append('x');
    b.append("\"}\n\n");
    return ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /** One open response; a write that does not complete is finished when the socket drains. */
  private static final class Stream {
    private final StreamSinkChannel channel;
    private final Deque<ByteBuffer> pending = new ArrayDeque<>();

    Stream(StreamSinkChannel channel) {
      this.channel = channel;
      channel.getWriteSetter().set(c -> drain());
    }

    synchronized void write(ByteBuffer frame) {
      if (pending.isEmpty()) {
        try {
          channel.write(frame);
          if (!frame.hasRemaining() && channel.flush()) return;
        } catch (IOException e) {
          close();
          return;
        }
      }
      if (frame.hasRemaining()) pending.add(frame);
      channel.resumeWrites();
    }

    private synchronized void drain() {
      try {
        while (!pending.isEmpty()) {
          ByteBuffer head = pending.peek();
          channel.write(head);
          if (head.hasRemaining()) return;
          pending.poll();
        }
        if (channel.flush()) channel.suspendWrites();
      } catch (IOException e) {
        close();
      }
    }

    private void close() {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the connection is gone either way
      }
    }
  }
}
