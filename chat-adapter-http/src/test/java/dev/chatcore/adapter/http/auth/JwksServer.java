package dev.chatcore.adapter.http.auth;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A stand-in for the authentication service: publishes the public half of its keys as a JWKS
 * document at {@link #url()} (the JDK's HTTP server on a free port). Counts fetches, can answer 503
 * for a while, and can be stopped for good.
 */
final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicReference<String> document = new AtomicReference<>(new JWKSet().toString());
  private final AtomicInteger fetches = new AtomicInteger();
  private final AtomicBoolean failing = new AtomicBoolean();
  private final AtomicBoolean stopped = new AtomicBoolean();

  JwksServer(JWK... keys) {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext(
        "/jwks.json",
        exchange -> {
          fetches.incrementAndGet();
          byte[] body =
              (failing.get() ? "{\"error\":\"down\"}" : document.get())
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(failing.get() ? 503 : 200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    publish(keys);
    server.start();
  }

  /** Publishes these keys (public halves only) instead of the previous ones: a key rotation. */
  void publish(JWK... keys) {
    document.set(new JWKSet(List.of(keys)).toPublicJWKSet().toString());
  }

  /** Answers 503 while {@code down}. */
  void failing(boolean down) {
    failing.set(down);
  }

  /** How many times the JWKS was asked for. */
  int fetches() {
    return fetches.get();
  }

  URL url() {
    try {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks.json").toURL();
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Stops listening: fetches fail with "connection refused" from now on. */
  @Override
  public void close() {
    if (stopped.compareAndSet(false, true)) server.stop(0);
  }
}
