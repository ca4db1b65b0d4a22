package dev.chatcore.server.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Request labels stay bounded whatever clients send. */
class HttpMetersTest {
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final HttpMeters meters = new HttpMeters(registry);

  @Test
  void unmatchedRoutesShareOneLabelAndUnknownMethodsAreOther() {
    meters.completed("GET", null, 404, 1_000);
    meters.completed("GET", null, 404, 1_000);
    meters.completed("BREW", null, 404, 1_000);
    meters.completed("POST", "/v1/rooms/{id}/messages", 200, 2_000_000);

    assertEquals(
        2,
        registry
            .get("chat.http.requests")
            .tags("method", "GET", "route", "unmatched", "status", "404")
            .counter()
            .count());
    assertEquals(
        1,
        registry
            .get("chat.http.requests")
            .tags("method", "OTHER", "route", "unmatched")
            .counter()
            .count());
    assertEquals(
        Set.of("unmatched", "/v1/rooms/{id}/messages"),
        registry.find("chat.http.request.duration").timers().stream()
            .map(t -> t.getId().getTag("route"))
            .collect(Collectors.toSet()));
    assertEquals(
        0.002,
        registry
            .get("chat.http.request.duration")
            .tags("route", "/v1/rooms/{id}/messages")
            .timer()
            .totalTime(TimeUnit.SECONDS),
        1e-9);
  }
}
