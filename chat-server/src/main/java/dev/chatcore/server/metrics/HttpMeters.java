package dev.chatcore.server.metrics;

import dev.chatcore.adapter.http.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * HTTP requests as {@code chat_http_requests_total{method,route,status}} and a latency histogram
 * per route, {@code chat_http_request_duration_seconds{method,route}}. Labels stay bounded: the
 * route is the template ({@code /v1/rooms/{id}}), never the raw path, and every request no route
 * matched shares the route {@value #UNMATCHED}; a method outside the standard ones is {@code
 * OTHER}. The histogram is per route, not per status, so that its series do not multiply.
 */
final class HttpMeters implements RequestObserver {
  static final String UNMATCHED = "unmatched";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

  /** Up to a long-poll's longest hold (60 s by default): held syncs land in the top buckets. */
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60)
  };

  private record Route(String method, String route) {}

  private record Outcome(Route route, int status) {}

  private final MeterRegistry registry;
  // Micrometer finds a meter by building and sorting its tags on every call; these find it by one
  // hash
  private final Map<Route, Timer> timers = new ConcurrentHashMap<>();
  private final Map<Outcome, Counter> counters = new ConcurrentHashMap<>();

  HttpMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void completed(String method, String route, int status, long nanos) {
    Route key =
        new Route(METHODS.contains(method) ? method : "OTHER", route == null ? UNMATCHED : route);
    counters.computeIfAbsent(new Outcome(key, status), this::counter).increment();
    timers.computeIfAbsent(key, this::timer).record(nanos, TimeUnit.NANOSECONDS);
  }

  private Counter counter(Outcome outcome) {
    return Counter.builder("chat.http.requests")
        .description("HTTP requests by route template and status")
        .tag("method", outcome.route().method())
        .tag("route", outcome.route().route())
        .tag("status", Integer.toString(outcome.status()))
        .register(registry);
  }

  private Timer timer(Route route) {
    return Timer.builder("chat.http.request.duration")
        .description("HTTP request latency by route template (a held sync counts its whole hold)")
        .tag("method", route.method())
        .tag("route", route.route())
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
