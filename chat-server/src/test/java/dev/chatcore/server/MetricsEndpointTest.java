package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.server.di.DaggerMemoryServerComponent;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} of a real server (ports 0, in this JVM) after traffic that touches every
 * family: requests by route and status, latency per route, held syncs, deliveries, storage calls,
 * the feed's lag, janitor runs, rate-limit refusals and both kinds of bans, and the JVM's own.
 */
class MetricsEndpointTest {
  private static final String SECRET = "metrics-test-secret-metrics-test-secret";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final JwtTokens tokens = new JwtTokens(SECRET, Clock.systemUTC());
  private final String admin = token("a0000000000000000000000a", true);
  private final String reader = token("b0000000000000000000000b", false);
  private final String spammer = token("c0000000000000000000000c", false);
  private final String flooder = token("d0000000000000000000000d", false);
  private ChatServer server;

  @AfterEach
  void stop() {
    if (server != null) server.stop();
  }

  @Test
  void everyFamilyIsScrapedWithItsLabelsAfterTraffic() throws Exception {
    // a small bucket, so that a flood is refused; enough for the spammer's six messages
    server =
        start(
            "CHAT_MANAGEMENT_PORT",
            "0",
            "CHAT_RATE_LIMIT_PER_SECOND",
            "1",
            "CHAT_RATE_LIMIT_BURST",
            "8");
    InetSocketAddress management = server.managementAddress().orElseThrow();

    JsonNode room = json(call("POST", "/v1/rooms", admin, "{\"name\":\"lobby\"}"), 201);
    String roomId = room.get("room_id").asText();
    String head = json(call("GET", "/v1/rooms/" + roomId, reader, null), 200).get("head").asText();
    CompletableFuture<HttpResponse<String>> held =
        http.sendAsync(
            request("GET", "/v1/sync?since=" + head + "&timeout=30s", reader, null),
            HttpResponse.BodyHandlers.ofString());
    MetricsScrape.await(management, s -> s.sum("chat_syncs_held") == 1);
    json(call("POST", "/v1/rooms/" + roomId + "/messages", admin, message("hello")), 200);
    assertEquals(200, held.get(20, TimeUnit.SECONDS).statusCode());

    json(
        call(
            "POST",
            "/chat/admin/bans",
            admin,
            "{\"accountId\":\"e0000000000000000000000e\",\"duration\":60}"),
        200);
    int spamStatus = 0;
    for (int i = 0; i < 6 && spamStatus != 401; i++) {
      spamStatus =
          call("POST", "/v1/rooms/" + roomId + "/messages", spammer, message("buy gold"))
              .statusCode();
    }
    assertEquals(401, spamStatus, "the sixth identical message is refused with an automatic ban");
    int floodStatus = 0;
    for (int i = 0; i < 50 && floodStatus != 418; i++)
      floodStatus = call("GET", "/v1/me", flooder, null).statusCode();
    assertEquals(418, floodStatus);
    assertEquals(404, call("GET", "/no/such/" + roomId, admin, null).statusCode());

    MetricsScrape scrape =
        MetricsScrape.await(
            management,
            s ->
                s.sum("chat_janitor_runs_total", "outcome", "ok") >= 1
                    && s.sum("chat_sync_deliveries_total") >= 1);

    // requests by route template and status; unmatched paths share one label
    assertTrue(
        scrape.sum(
                "chat_http_requests_total", "method", "POST", "route", "/v1/rooms", "status", "201")
            >= 1);
    assertTrue(
        scrape.sum("chat_http_requests_total", "method", "GET", "route", "/v1/me", "status", "418")
            >= 1);
    assertTrue(
        scrape.sum(
                "chat_http_requests_total", "method", "GET", "route", "unmatched", "status", "404")
            >= 1);
    assertFalse(scrape.text().contains(roomId), "templates, never raw paths, in labels");
    // latency histogram per route
    assertTrue(
        scrape.sum("chat_http_request_duration_seconds_count", "route", "/v1/rooms/{id}/messages")
            >= 7);
    assertTrue(
        scrape
                .named(
                    "chat_http_request_duration_seconds_bucket", "route", "/v1/sync", "le", "+Inf")
                .size()
            == 1);
    assertTrue(
        scrape.sum("chat_http_request_duration_seconds_bucket", "route", "/v1/sync", "le", "60.0")
            >= 1);
    // held syncs and what sync answers delivered
    assertEquals(1, scrape.named("chat_syncs_held").size());
    assertTrue(scrape.sum("chat_sync_deliveries_total") >= 1);
    // storage calls by port, method and outcome
    assertTrue(
        scrape.sum(
                "chat_storage_operations_seconds_count",
                "port",
                "EventLog",
                "method",
                "append",
                "outcome",
                "ok")
            >= 1);
    assertTrue(
        scrape.sum(
                "chat_storage_operations_seconds_bucket",
                "port",
                "BanRepository",
                "method",
                "put",
                "outcome",
                "ok",
                "le",
                "+Inf")
            >= 2);
    // the feed's lag: the memory store's feed is local and never notifies, so the histogram is
    // empty
    assertEquals(0, scrape.sum("chat_feed_lag_seconds_count"));
    assertEquals(1, scrape.named("chat_feed_lag_seconds_bucket", "le", "+Inf").size());
    // janitor runs and removals by rule
    assertTrue(scrape.sum("chat_janitor_runs_total", "outcome", "ok") >= 1);
    assertEquals(1, scrape.named("chat_janitor_runs_total", "outcome", "failed").size());
    assertEquals(1, scrape.named("chat_janitor_removed_total", "rule", "expiredEvents").size());
    assertEquals(1, scrape.named("chat_janitor_removed_total", "rule", "tombstones").size());
    // rate-limit refusals, bans by kind
    assertTrue(scrape.sum("chat_ratelimit_refusals_total") >= 1);
    assertEquals(1, scrape.sum("chat_bans_total", "kind", "admin"));
    assertEquals(1, scrape.sum("chat_bans_total", "kind", "spam"));
    // the JVM's binders
    for (String jvm :
        List.of(
            "jvm_memory_used_bytes",
            "jvm_gc_memory_allocated_bytes_total",
            "jvm_threads_live_threads",
            "jvm_classes_loaded_classes",
            "process_cpu_usage",
            "process_uptime_seconds")) {
      assertFalse(scrape.named(jvm).isEmpty(), jvm + " in\n" + scrape.text());
    }
  }

  @Test
  void metricsAreServedOnTheManagementPortOnly() throws Exception {
    server = start("CHAT_MANAGEMENT_PORT", "0");
    InetSocketAddress management = server.managementAddress().orElseThrow();
    assertTrue(management.getPort() > 0 && management.getPort() != server.address().getPort());
    assertEquals(404, call("GET", "/metrics", admin, null).statusCode(), "not on the public port");
    assertEquals(404, send(management, "GET", "/v1/me").statusCode());
    assertEquals(405, send(management, "POST", "/metrics").statusCode());
    assertEquals(200, send(management, "GET", "/metrics").statusCode());
  }

  @Test
  void theManagementPortIsOffByDefault() {
    server = start();
    assertEquals(Optional.empty(), server.managementAddress());
  }

  private ChatServer start(String... env) {
    Map<String, String> all = new HashMap<>(Map.of("CHAT_PORT", "0", "CHAT_AUTH_SECRET", SECRET));
    for (int i = 0; i < env.length; i += 2) all.put(env[i], env[i + 1]);
    ChatServer started =
        DaggerMemoryServerComponent.factory().create(ServerConfig.fromEnvironment(all)).server();
    started.start();
    return started;
  }

  private String token(String account, boolean isAdmin) {
    return tokens.issue(new AccountId(account), "user", isAdmin, Duration.ofHours(1));
  }

  private static String message(String text) {
    return "{\"type\":\"m.plain\",\"content\":{\"text\":\"" + text + "\"}}";
  }

  private HttpResponse<String> call(String method, String path, String token, String body)
      throws Exception {
    return http.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String method, String path, String token, String body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.address().getPort() + path))
            .timeout(Duration.ofSeconds(40))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) b.header("Content-Type", "application/json");
    if (token != null) b.header("Authorization", "Bearer " + token);
    return b.build();
  }

  private HttpResponse<String> send(InetSocketAddress to, String method, String path)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + to.getPort() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .timeout(Duration.ofSeconds(20))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response, int status) throws Exception {
    assertEquals(status, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }
}
