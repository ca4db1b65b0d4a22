package dev.chatcore.adapter.http;

/**
 * Hears of every finished request, from the same completion hook as the {@link AccessLog}: the
 * server's metrics count requests and time them with it. Called on the connection's IO thread as
 * the exchange completes, so it must be quick and must not throw.
 */
@FunctionalInterface
public interface RequestObserver {
  /** Hears nothing. */
  RequestObserver NONE = (method, route, status, nanos) -> {};

  /**
   * @param method the request method as the client sent it (any token: normalize before using it as
   *     a label)
   * @param route the matched route's template ({@code /v1/rooms/{id}}), never the raw path; {@code
   *     null} when no route matched (404, or a 503 while draining)
   * @param status the response status
   * @param nanos from the first handler to the completed exchange
   */
  void completed(String method, String route, int status, long nanos);
}
