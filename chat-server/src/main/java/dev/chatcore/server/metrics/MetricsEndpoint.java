package dev.chatcore.server.metrics;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;

/**
 * The management listener's only route: {@code GET /metrics} answers the Prometheus text format;
 * any other path is 404 and any other method 405. No token: the port is for the scraper's network
 * only, never published through the load balancer.
 */
public final class MetricsEndpoint implements HttpHandler {
  /** The Prometheus text exposition format that {@link ServerMetrics#scrape()} writes. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final ServerMetrics metrics;

  public MetricsEndpoint(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (!exchange.getRequestPath().equals("/metrics")) {
      exchange.setStatusCode(404);
      exchange.endExchange();
      return;
    }
    if (!exchange.getRequestMethod().equals(Methods.GET)) {
      exchange.setStatusCode(405);
      exchange.getResponseHeaders().put(Headers.ALLOW, "GET");
      exchange.endExchange();
      return;
    }
    if (exchange.isInIoThread()) {
      exchange.dispatch(this); // formatting every meter takes a while: not on an IO thread
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
    exchange.getResponseSender().send(metrics.scrape());
  }
}
