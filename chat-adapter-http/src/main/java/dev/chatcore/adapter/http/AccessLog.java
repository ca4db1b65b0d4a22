package dev.chatcore.adapter.http;

import dev.chatcore.application.Caller;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.HttpString;
import io.undertow.util.PathTemplateMatch;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Gives every request an id, returned in {@code X-Request-Id} on every response so that a client's
 * report can be matched to the server's log lines; tells its {@link RequestObserver} (the server's
 * metrics) of every finished request; when on, logs one INFO record {@code request} per finished
 * request. The record's only parameter is a map of fields: {@code method}, {@code route} (the
 * route's template, {@code null} when none matched), {@code status}, {@code ms}, {@code account}
 * (when a token was verified) and {@code request_id}.
 *
 * <p>It never logs the raw path, the query, a header or a body: tokens and message text cannot
 * reach the log through it.
 */
public final class AccessLog {
  public static final String REQUEST_ID_HEADER = "X-Request-Id";
  private static final HttpString REQUEST_ID = new HttpString(REQUEST_ID_HEADER);
  private static final AttachmentKey<Caller> CALLER = AttachmentKey.create(Caller.class);
  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
  private static final HexFormat HEX = HexFormat.of();

  private final boolean enabled;
  private final RequestObserver observer;

  /**
   * @param enabled true logs a record per request; the request id header is sent either way
   */
  public AccessLog(boolean enabled) {
    this(enabled, RequestObserver.NONE);
  }

  /**
   * @param enabled true logs a record per request
   * @param observer hears of every finished request, logged or not
   */
  public AccessLog(boolean enabled, RequestObserver observer) {
    this.enabled = enabled;
    this.observer = observer;
  }

  /** Called first for every exchange, on its IO thread, before anything can answer it. */
  void begin(HttpServerExchange exchange) {
    // 64 random bits: unique enough across nodes and restarts to find one request in the logs
    String id = HEX.toHexDigits(ThreadLocalRandom.current().nextLong());
    exchange.getResponseHeaders().put(REQUEST_ID, id);
    if (!enabled && observer == RequestObserver.NONE) return; // no listener, no clock read
    long start = System.nanoTime();
    exchange.addExchangeCompleteListener(
        (done, next) -> {
          long nanos = System.nanoTime() - start;
          String route = route(done);
          observer.completed(
              done.getRequestMethod().toString(), route, done.getStatusCode(), nanos);
          if (enabled) log(done, route, id, TimeUnit.NANOSECONDS.toMillis(nanos));
          next.proceed();
        });
  }

  /** The matched route's template; null when none matched. */
  private static String route(HttpServerExchange exchange) {
    PathTemplateMatch match = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY);
    return match == null ? null : match.getMatchedTemplate();
  }

  /** Remembers who made the request, for its log record. */
  static void identify(HttpServerExchange exchange, Caller caller) {
    if (caller != null) exchange.putAttachment(CALLER, caller);
  }

  private static void log(HttpServerExchange exchange, String route, String id, long millis) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("method", exchange.getRequestMethod().toString());
    fields.put("route", route);
    fields.put("status", exchange.getStatusCode());
    fields.put("ms", millis);
    Caller caller = exchange.getAttachment(CALLER);
    if (caller != null) fields.put("account", caller.id().value());
    fields.put("request_id", id);
    LogRecord record = new LogRecord(Level.INFO, "request");
    record.setLoggerName(LOG.getName());
    record.setParameters(new Object[] {fields});
    LOG.log(record);
  }
}
