package dev.chatcore.adapter.http;

import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.application.Caller;
import dev.chatcore.application.moderation.CallGate;
import dev.chatcore.application.stream.RedeemStreamTicket;
import io.undertow.io.IoCallback;
import io.undertow.io.Sender;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.PathHandler;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import io.undertow.util.PathTemplateMatch;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP adapter's handler chain. On the IO thread: route (404/405), authenticate (401), check
 * and read the body without blocking (413/415). Then, on {@code executor}, the {@link CallGate}
 * (bans 401, rate limit 418) and the endpoint run; its reply, or the failure mapped by {@link
 * HttpErrors}, is written from whichever thread has it, so a held long-poll pins no thread. A live
 * stream's endpoint answers with a {@link Reply.Takeover}, which gets the exchange on its IO thread
 * instead of a body.
 *
 * <p>Stream routes ({@link Route#ticketed()}) also accept a single-use stream ticket in {@code
 * ?ticket=} when there is no {@code Authorization} header: browsers cannot set headers on an
 * EventSource or a WebSocket, and bearer tokens never go in URLs.
 */
public final class HttpApi {
  private static final byte[] NO_BODY = new byte[0];

  private final List<Route> routes;
  private final Map<String, HttpHandler> files;
  private final JwtTokens tokens;
  private final CallGate gate;
  private final long maxBodyBytes;
  private final Executor executor;
  private final AccessLog accessLog;
  private final RedeemStreamTicket tickets;
  private final ConnectionWatch watch = new ConnectionWatch();
  private final AtomicInteger inFlight = new AtomicInteger();

  /** Takeovers started and not yet finished (upgraded WebSockets outlive their exchange). */
  private final AtomicInteger takenOver = new AtomicInteger();

  private final Object drained = new Object();
  private volatile boolean draining;

  /**
   * @param files handlers of static files by path prefix (the console): served beside the routes,
   *     without a token, since the files hold nothing secret and the API they call checks every
   *     request
   * @param tickets redeems the stream tickets that {@linkplain Route#ticketed() stream routes}
   *     accept
   */
  public HttpApi(
      List<Route> routes,
      Map<String, HttpHandler> files,
      JwtTokens tokens,
      CallGate gate,
      long maxBodyBytes,
      Executor executor,
      AccessLog accessLog,
      RedeemStreamTicket tickets) {
    this.routes = List.copyOf(routes);
    this.files = Map.copyOf(files);
    this.tokens = tokens;
    this.gate = gate;
    this.maxBodyBytes = maxBodyBytes;
    this.executor = executor;
    this.accessLog = accessLog;
    this.tickets = tickets;
  }

  /** The routes served, for documentation checks. */
  public List<Route> routes() {
    return routes;
  }

  /**
   * The root handler to give Undertow ({@link HttpListener} does). While {@link #drain draining},
   * new requests get 503 {@code unavailable}; requests already in flight finish. A body that has
   * not fully arrived {@code bodyTimeout} after the request's head closes the connection.
   */
  HttpHandler handler(Duration bodyTimeout) {
    HttpHandler routing = routing(bodyTimeout);
    return exchange -> {
      accessLog.begin(exchange);
      if (draining) {
        sendError(exchange, HttpProblem.shuttingDown());
        return;
      }
      inFlight.incrementAndGet();
      exchange.addExchangeCompleteListener(
          (ex, next) -> {
            if (inFlight.decrementAndGet() == 0 && takenOver.get() == 0 && draining)
              signalDrained();
            next.proceed();
          });
      exchange.setMaxEntitySize(maxBodyBytes); // also bounds what Undertow drains of an unread body
      try {
        BodyFraming.check(exchange, maxBodyBytes);
      } catch (HttpProblem refused) {
        BodyReceiver.refuseUnread(exchange, refused, bodyTimeout);
        return;
      }
      routing.handleRequest(exchange);
    };
  }

  /**
   * Stops taking requests, then waits up to {@code timeout} for those in flight to finish, live
   * streams included (the core ends them when it closes).
   */
  public boolean drain(Duration timeout) throws InterruptedException {
    draining = true;
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (drained) {
      while (inFlight.get() > 0 || takenOver.get() > 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) return false;
        TimeUnit.NANOSECONDS.timedWait(
            drained, left); // woken by the last request's or stream's end
      }
    }
    return true;
  }

  private void signalDrained() {
    synchronized (drained) {
      drained.notifyAll();
    }
  }

  private HttpHandler routing(Duration bodyTimeout) {
    if (files.isEmpty()) return apiRouting(bodyTimeout);
    PathHandler paths = new PathHandler(apiRouting(bodyTimeout));
    files.forEach(paths::addPrefixPath);
    return paths;
  }

  private HttpHandler apiRouting(Duration bodyTimeout) {
    RoutingHandler routing = new RoutingHandler(false);
    for (Route route : routes) {
      routing.add(
          route.method(), route.template(), exchange -> serve(exchange, route, bodyTimeout));
    }
    routing.setFallbackHandler(
        exchange -> sendError(exchange, HttpProblem.notFound("no such route")));
    routing.setInvalidMethodHandler(
        exchange ->
            sendError(
                exchange, HttpProblem.methodNotAllowed(exchange.getRequestMethod().toString())));
    return routing;
  }

  private void serve(HttpServerExchange exchange, Route route, Duration bodyTimeout) {
    try {
      if (route.authenticated()
          && exchange.isInIoThread()
          && (tokens.mayFetchKeys(bearer(exchange)) || ticket(exchange, route) != null)) {
        // verifying may wait for the authentication service's keys, and a ticket is taken from the
        // store: never on an IO thread, which serves many connections; the rest of serve() works
        // the same on a worker
        exchange.dispatch(executor, () -> serve(exchange, route, bodyTimeout));
        return;
      }
      Caller caller = route.authenticated() ? authenticate(exchange, route) : null;
      AccessLog.identify(exchange, caller);
      if (!mayHaveBody(exchange.getRequestMethod()) || !hasBody(exchange)) {
        dispatch(exchange, route, caller, NO_BODY);
        return;
      }
      if (!isJson(exchange.getRequestHeaders().getFirst(Headers.CONTENT_TYPE)))
        throw HttpProblem.unsupportedMediaType();
      BodyReceiver.receive(
          exchange, maxBodyBytes, bodyTimeout, (ex, body) -> dispatch(ex, route, caller, body));
    } catch (RuntimeException e) {
      sendError(exchange, e);
    }
  }

  private Caller authenticate(HttpServerExchange exchange, Route route) {
    String token = bearer(exchange);
    String ticket = ticket(exchange, route);
    if (ticket != null) {
      return tickets
          .redeem(ticket)
          .orElseThrow(() -> HttpProblem.unauthorized("unknown, used or expired stream ticket"));
    }
    if (token == null) throw HttpProblem.unauthorized("missing bearer token");
    if (token.isEmpty()) throw HttpProblem.unauthorized("expected a Bearer token");
    return tokens.verify(token);
  }

  /** The stream ticket of a ticketed route without an Authorization header; null otherwise. */
  private static String ticket(HttpServerExchange exchange, Route route) {
    if (!route.ticketed() || exchange.getRequestHeaders().contains(Headers.AUTHORIZATION))
      return null;
    Deque<String> values = exchange.getQueryParameters().get("ticket");
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /**
   * The bearer token; null without an Authorization header, empty when it is not a bearer token.
   */
  private static String bearer(HttpServerExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    if (header == null) return null;
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) return "";
    return header.substring(7).strip();
  }

  private void dispatch(HttpServerExchange exchange, Route route, Caller caller, byte[] body) {
    exchange.dispatch(
        executor,
        () -> {
          CompletableFuture<Reply> reply;
          try {
            admit(route, caller, exchange);
            reply =
                route
                    .endpoint()
                    .handle(
                        new ApiRequest(
                            pathParams(exchange),
                            exchange.getQueryParameters(),
                            body,
                            caller,
                            name -> exchange.getRequestHeaders().getFirst(name)));
          } catch (Throwable t) {
            reply = CompletableFuture.failedFuture(t);
          }
          if (!reply.isDone()) {
            // Held: watch the connection until the answer comes (see ConnectionWatch).
            CompletableFuture<Reply> pending = reply;
            exchange
                .getIoThread()
                .execute(() -> watch.watch(exchange, () -> pending.cancel(false)));
          }
          reply.whenComplete(
              (r, failure) -> {
                if (failure instanceof CancellationException) return; // the client went away
                ErrorReply error = failure == null ? null : HttpErrors.toReply(failure);
                // Serialize here, not on the IO thread; then write and complete on the IO thread:
                // Undertow completes an exchange finished elsewhere by handing its read state back
                // with a compare-and-set loop that the IO thread spins on.
                if (error != null) {
                  ReplyBuffer json = serialize(error.body());
                  exchange
                      .getIoThread()
                      .execute(() -> send(exchange, error.status(), json, error.headers()));
                } else if (r.body() instanceof Reply.Takeover takeover) {
                  exchange.getIoThread().execute(() -> takeOver(exchange, takeover));
                } else if (r.body() instanceof Reply.Raw raw) {
                  exchange
                      .getIoThread()
                      .execute(
                          () ->
                              send(
                                  exchange,
                                  r.status(),
                                  raw.bytes(),
                                  Map.of("Content-Type", raw.contentType())));
                } else {
                  ReplyBuffer json = r.body() == null ? null : serialize(r.body());
                  exchange.getIoThread().execute(() -> send(exchange, r.status(), json, Map.of()));
                }
              });
        });
  }

  /** Hands the exchange to a live stream (on its IO thread); counts it until the stream is over. */
  private void takeOver(HttpServerExchange exchange, Reply.Takeover takeover) {
    if (exchange.isComplete() || exchange.isResponseStarted()) {
      takeover.abandon();
      return;
    }
    takenOver.incrementAndGet();
    AtomicBoolean over = new AtomicBoolean();
    Runnable finished =
        () -> {
          if (over.compareAndSet(false, true) && takenOver.decrementAndGet() == 0 && draining)
            signalDrained();
        };
    try {
      takeover.start(exchange, finished);
    } catch (RuntimeException e) {
      finished.run();
      takeover.abandon();
      sendError(exchange, HttpErrors.toReply(e));
    }
  }

  private static ReplyBuffer serialize(Object body) {
    ReplyBuffer buffer = ReplyBuffer.take();
    try {
      Json.write(body, buffer);
      return buffer;
    } catch (RuntimeException e) {
      buffer.release();
      throw e;
    }
  }

  /**
   * The gate, as this adapter counts: routes marked {@link Route#unlimited() unlimited} are not
   * counted, and a request without a token is counted against its client address.
   */
  private void admit(Route route, Caller caller, HttpServerExchange exchange) {
    if (caller == null) {
      if (route.rateLimited()) gate.admitAnonymous(clientAddress(exchange));
    } else if (route.rateLimited()) {
      gate.admit(caller);
    } else {
      gate.admitUncounted(caller);
    }
  }

  private static String clientAddress(HttpServerExchange exchange) {
    InetSocketAddress peer = exchange.getSourceAddress();
    return peer == null || peer.getAddress() == null
        ? "unknown"
        : peer.getAddress().getHostAddress();
  }

  private static Map<String, String> pathParams(HttpServerExchange exchange) {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    return match == null ? Map.of() : match.getParameters();
  }

  private static boolean mayHaveBody(HttpString method) {
    return method.equals(Methods.POST)
        || method.equals(Methods.PUT)
        || method.equals(Methods.PATCH);
  }

  private static boolean hasBody(HttpServerExchange exchange) {
    long length = exchange.getRequestContentLength();
    return length > 0
        || (length < 0 && exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING));
  }

  private static boolean isJson(String contentType) {
    if (contentType == null) return false;
    int semicolon = contentType.indexOf(';');
    String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip();
    return type.equalsIgnoreCase("application/json");
  }

  /**
   * Answers with the failure as {@link HttpErrors} maps it: the one way an error reply is written.
   */
  static void sendError(HttpServerExchange exchange, Throwable failure) {
    sendError(exchange, HttpErrors.toReply(failure));
  }

  private static void sendError(HttpServerExchange exchange, ErrorReply reply) {
    send(exchange, reply.status(), serialize(reply.body()), reply.headers());
  }

  /** Sends a JSON body ({@code null} for none) and gives its buffer back once it is written. */
  private static void send(
      HttpServerExchange exchange, int status, ReplyBuffer json, Map<String, String> headers) {
    if (json == null) {
      send(exchange, status, NO_BODY, headers);
      return;
    }
    if (exchange.isResponseStarted()) {
      json.release();
      return;
    }
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    headers.forEach(
        (name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
    // Undertow sets the length itself only with its own END_EXCHANGE callback; without it, chunked
    exchange.setResponseContentLength(json.length());
    exchange
        .getResponseSender()
        .send(
            json.view(),
            new IoCallback() {
              @Override
              public void onComplete(HttpServerExchange ex, Sender sender) {
                json.release();
                IoCallback.END_EXCHANGE.onComplete(ex, sender);
              }

              @Override
              public void onException(HttpServerExchange ex, Sender sender, IOException failure) {
                json.release();
                IoCallback.END_EXCHANGE.onException(ex, sender, failure);
              }
            });
  }

  private static void send(
      HttpServerExchange exchange, int status, byte[] body, Map<String, String> headers) {
    if (exchange.isResponseStarted()) return;
    exchange.setStatusCode(status);
    headers.forEach(
        (name, value) -> exchange.getResponseHeaders().put(HttpString.tryFromString(name), value));
    exchange.getResponseSender().send(ByteBuffer.wrap(body));
  }
}
