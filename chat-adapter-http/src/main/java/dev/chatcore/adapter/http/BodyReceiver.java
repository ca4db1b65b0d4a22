package dev.chatcore.adapter.http;

import io.undertow.server.HttpServerExchange;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.xnio.IoUtils;
import org.xnio.XnioExecutor;

/**
 * Reads a request body without blocking, within the body limit and the body timeout.
 *
 * <p>The limit is counted here rather than by Undertow: Undertow closes the connection when a
 * chunked body passes its limit, before anyone can answer; here the client gets its 413. A body
 * that has not fully arrived within the timeout closes the connection (a client trickling bytes
 * holds nothing for long). Runs on the exchange's IO thread.
 */
final class BodyReceiver {
  private BodyReceiver() {}

  static void receive(
      HttpServerExchange exchange,
      long maxBytes,
      Duration timeout,
      BiConsumer<HttpServerExchange, byte[]> onBody) {
    XnioExecutor.Key deadline = closeAfter(exchange, timeout);
    long declared = exchange.getRequestContentLength();
    ByteArrayOutputStream body =
        new ByteArrayOutputStream((int) Math.clamp(declared, 256, maxBytes));
    exchange.setMaxEntitySize(0); // counted below
    exchange
        .getRequestReceiver()
        .receivePartialBytes(
            (ex, bytes, last) -> {
              if (body.size() + (long) bytes.length > maxBytes) {
                ex.getRequestReceiver().pause();
                refuse(
                    ex,
                    HttpProblem.payloadTooLarge(
                        maxBytes)); // the deadline stays: it bounds the drain
                return;
              }
              body.writeBytes(bytes);
              if (last) {
                deadline.remove();
                onBody.accept(ex, body.toByteArray());
              }
            },
            (ex, failure) -> {
              deadline.remove();
              refuse(ex, HttpProblem.badRequest("could not read the request body"));
            });
  }

  /**
   * Answers a request whose body is not read. Undertow drains the rest of the body after the answer
   * (closing at once could reset the connection before the client reads it); the connection is
   * closed then, and at the latest {@code timeout} from now.
   */
  static void refuseUnread(HttpServerExchange exchange, HttpProblem problem, Duration timeout) {
    closeAfter(exchange, timeout);
    refuse(exchange, problem);
  }

  /**
   * Answers and ends the connection after this exchange: what is left of the body is not a request.
   */
  private static void refuse(HttpServerExchange exchange, HttpProblem problem) {
    exchange.setPersistent(false);
    HttpApi.sendError(exchange, problem);
  }

  private static XnioExecutor.Key closeAfter(HttpServerExchange exchange, Duration timeout) {
    return exchange
        .getIoThread()
        .executeAfter(
            () -> IoUtils.safeClose(exchange.getConnection()),
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
  }
}
