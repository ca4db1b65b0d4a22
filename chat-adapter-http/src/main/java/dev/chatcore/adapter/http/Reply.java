package dev.chatcore.adapter.http;

import io.undertow.server.HttpServerExchange;

/** A successful answer: a status and a body that {@link Json} writes ({@code null} for none). */
public record Reply(int status, Object body) {
  /** A body sent as it is, with its own content type (not JSON): {@code GET /openapi.yaml}. */
  public record Raw(String contentType, byte[] bytes) {}

  /**
   * Instead of a body: the endpoint takes the exchange over (a live stream). {@link HttpApi} hands
   * it over once authentication, the gate and the endpoint's own checks passed, so their refusals
   * are still plain HTTP errors.
   */
  public interface Takeover {
    /**
     * Runs on the exchange's IO thread; from here the exchange is the takeover's.
     *
     * @param finished to run once, when the takeover is over (the response ended or the upgraded
     *     connection closed): a server that stops waits for it
     */
    void start(HttpServerExchange exchange, Runnable finished);

    /** The exchange ended before {@link #start} (it failed, or the server is stopping). */
    void abandon();
  }

  public static Reply ok(Object body) {
    return new Reply(200, body);
  }

  public static Reply created(Object body) {
    return new Reply(201, body);
  }
}
