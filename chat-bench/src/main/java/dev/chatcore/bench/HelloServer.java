package dev.chatcore.bench;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.util.Headers;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP reference point for {@code send}: an Undertow hello-world that answers every request
 * with the 2-byte body {@code ok} straight from the IO thread (as shared/bench/limit measured it).
 * Run by the bench as a subprocess with the chat server's JVM options: {@code java -cp
 * chat-bench.jar dev.chatcore.bench.HelloServer [port]}. It binds 127.0.0.1 (port 0 = any free
 * port) and prints {@code hello-server listening on http://127.0.0.1:<port>} when ready.
 */
public final class HelloServer {
  private static final ByteBuffer BODY =
      ByteBuffer.allocateDirect(2).put("ok".getBytes(StandardCharsets.US_ASCII)).flip();

  private HelloServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    Undertow server =
        Undertow.builder()
            .addHttpListener(port, "127.0.0.1")
            .setServerOption(UndertowOptions.ALWAYS_SET_KEEP_ALIVE, true)
            .setHandler(
                exchange -> {
                  exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "text/plain");
                  exchange.getResponseSender().send(BODY.duplicate());
                })
            .build();
    server.start();
    InetSocketAddress bound = (InetSocketAddress) server.getListenerInfo().get(0).getAddress();
    System.out.println("hello-server listening on http://127.0.0.1:" + bound.getPort());
    System.out.flush();
  }
}
