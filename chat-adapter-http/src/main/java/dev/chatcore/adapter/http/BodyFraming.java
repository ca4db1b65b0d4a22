package dev.chatcore.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderValues;
import io.undertow.util.Headers;

/**
 * Checks how a request's body is framed before anything reads it: a declared length over the limit
 * is a 413, and a transfer coding other than {@code chunked} is a 501 (Undertow would read an
 * {@code identity} body until the client closes, and parse a {@code gzip} one as chunks).
 */
final class BodyFraming {
  private BodyFraming() {}

  /**
   * @throws HttpProblem 413 or 501
   */
  static void check(HttpServerExchange exchange, long maxBodyBytes) {
    HeaderValues codings = exchange.getRequestHeaders().get(Headers.TRANSFER_ENCODING);
    if (codings != null
        && (codings.size() != 1 || !codings.getFirst().strip().equalsIgnoreCase("chunked"))) {
      throw HttpProblem.notImplemented(
          "Transfer-Encoding " + codings + " is not supported; send chunked or Content-Length");
    }
    if (exchange.getRequestContentLength() > maxBodyBytes)
      throw HttpProblem.payloadTooLarge(maxBodyBytes);
  }
}
