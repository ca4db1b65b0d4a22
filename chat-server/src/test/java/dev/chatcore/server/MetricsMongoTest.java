package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

/**
 * The metrics only MongoDB makes: the feed's lag (the memory store's feed never notifies), and
 * storage calls that time out while MongoDB is down.
 */
class MetricsMongoTest extends MongoServerHarness {
  @Test
  void theFeedsLagIsSampledWhenItReportsNewEvents() throws Exception {
    server = startServer("CHAT_MANAGEMENT_PORT", "0");
    InetSocketAddress management = server.managementAddress().orElseThrow();
    String room = createRoom();
    assertEquals(
        200,
        call("POST", "/v1/rooms/" + room + "/messages", player, "{\"content\":{\"text\":\"hi\"}}")
            .status());

    MetricsScrape scrape =
        MetricsScrape.await(management, s -> s.sum("chat_feed_lag_seconds_count") >= 1);
    double seconds = scrape.sum("chat_feed_lag_seconds_max");
    assertTrue(
        seconds >= 0 && seconds < 10, "one node, one clock: a lag of a poll or so, not " + seconds);
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
  }

  @Test
  void storageCallsThatTimeOutAreCountedAsTimeouts() throws Exception {
    server = startServer("CHAT_MANAGEMENT_PORT", "0");
    InetSocketAddress management = server.managementAddress().orElseThrow();
    String room = createRoom();
    mongo().shutdownNow();

    // The first call may use a pooled connection the server closed: the driver reports that read
    // error (unavailable) even after its retry waited out server selection. Once the pool is
    // dropped, every call waits for a server that never answers: a timeout.
    for (int i = 0; i < 2; i++) {
      Answer post =
          call(
              "POST",
              "/v1/rooms/" + room + "/messages",
              player,
              "{\"content\":{\"text\":\"during\"}}");
      assertEquals(503, post.status(), post.body().toString());
    }

    MetricsScrape scrape = MetricsScrape.of(management);
    assertTrue(
        scrape.sum("chat_storage_operations_seconds_count", "outcome", "timeout") >= 1,
        scrape.text());
    assertEquals(
        2,
        scrape.sum(
            "chat_http_requests_total", "route", "/v1/rooms/{id}/messages", "status", "503"));
  }
}
