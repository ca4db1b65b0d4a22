package dev.chatcore.adapter.http;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One route of an API.
 *
 * @param method HTTP method
 * @param template Undertow path template, e.g. {@code /v1/rooms/{id}}
 * @param authenticated true when the route needs a bearer token
 * @param rateLimited false for routes the rate limit does not count (long-poll sync, probes)
 * @param ticketed true when a stream ticket ({@code ?ticket=}) may stand in for the bearer token:
 *     the live streams, which browsers open without headers
 */
public record Route(
    String method,
    String template,
    boolean authenticated,
    boolean rateLimited,
    boolean ticketed,
    Endpoint.Async endpoint) {
  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(template, "template");
    Objects.requireNonNull(endpoint, "endpoint");
    if (ticketed && !authenticated)
      throw new IllegalArgumentException("a ticket authenticates: " + template);
  }

  /** A rate-limited route. */
  public Route(String method, String template, boolean authenticated, Endpoint.Async endpoint) {
    this(method, template, authenticated, true, false, endpoint);
  }

  /** The same route, not counted by the rate limit. */
  public Route unlimited() {
    return new Route(method, template, authenticated, false, ticketed, endpoint);
  }

  /** The same route, also opened with a stream ticket instead of the bearer token. */
  public Route withTicket() {
    return new Route(method, template, authenticated, rateLimited, true, endpoint);
  }

  public static Route of(String method, String template, boolean authenticated, Endpoint endpoint) {
    return new Route(
        method,
        template,
        authenticated,
        request -> {
          try {
            return CompletableFuture.completedFuture(endpoint.handle(request));
          } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
          }
        });
  }
}
