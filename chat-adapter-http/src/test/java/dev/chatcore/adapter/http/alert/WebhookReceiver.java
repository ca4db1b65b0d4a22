package dev.chatcore.adapter.http.alert;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * A webhook receiver for tests (the server's tests use it too): the JDK's HTTP server on a free
 * loopback port. It records every request and answers with what {@code answer} says for it (the
 * status; it may block first).
 */
public final class WebhookReceiver implements AutoCloseable {
  /**
   * One request as received.
   *
   * @param arrivedAt {@link System#nanoTime()} when it arrived
   */
  public record Received(Map<String, List<String>> headers, byte[] body, long arrivedAt) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .findFirst()
          .map(e -> e.getValue().getFirst())
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Received> all = new CopyOnWriteArrayList<>();
  private final BlockingQueue<Received> arrivals = new LinkedBlockingQueue<>();

  public WebhookReceiver(ToIntFunction<Received> answer) {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/hook", exchange -> handle(exchange, answer));
    server.start();
  }

  private void handle(HttpExchange exchange, ToIntFunction<Received> answer) throws IOException {
    Received received =
        new Received(
            Map.copyOf(exchange.getRequestHeaders()),
            exchange.getRequestBody().readAllBytes(),
            System.nanoTime());
    all.add(received);
    arrivals.add(received);
    int status = answer.applyAsInt(received);
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
  }

  /** The next request to arrive, waiting up to 30 s for it. */
  public Received next() throws InterruptedException {
    Received r = arrivals.poll(30, TimeUnit.SECONDS);
    if (r == null) throw new AssertionError("no webhook request arrived within 30 s");
    return r;
  }

  public List<Received> all() {
    return all;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
