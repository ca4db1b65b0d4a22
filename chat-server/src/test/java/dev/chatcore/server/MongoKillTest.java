package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.testing.Await;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A server on MongoDB killed with SIGKILL (no shutdown, no flush) while messages are being posted,
 * then started again: every message it acknowledged is there.
 */
class MongoKillTest extends MongoServerHarness {
  private static final Pattern EVENT_ID = Pattern.compile("\"event_id\":\"([0-9a-f]{24})\"");

  @Test
  void everyAcknowledgedMessageSurvivesASigkill() throws Exception {
    Map<String, String> env =
        Map.of(
            "CHAT_STORAGE",
            "mongodb",
            "CHAT_MONGO_URI",
            "mongodb://" + mongoAddress.getHostString() + ":" + mongoAddress.getPort(),
            "CHAT_MONGO_DATABASE",
            "chat_kill_test",
            "CHAT_AUTH_SECRET",
            SECRET,
            "CHAT_RATE_LIMIT_PER_SECOND",
            "100000",
            "CHAT_RATE_LIMIT_BURST",
            "100000");
    ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
    String room;
    try (ServerProcess first = ServerProcess.start(env)) {
      HttpResponse<String> created = first.post("/v1/rooms", admin, "{\"name\":\"lobby\"}");
      assertEquals(201, created.statusCode(), created.body());
      room = created.body().replaceAll(".*\"room_id\":\"([0-9a-f]{24})\".*", "$1");
      List<Thread> writers = new ArrayList<>();
      for (int w = 0; w < 4; w++) {
        int writer = w;
        writers.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      for (int i = 0; i < 500; i++) {
                        try {
                          HttpResponse<String> r =
                              first.post(
                                  "/v1/rooms/" + room + "/messages",
                                  player,
                                  "{\"content\":{\"text\":\"w" + writer + " m" + i + "\"}}");
                          if (r.statusCode() != 200) return;
                          Matcher m = EVENT_ID.matcher(r.body());
                          if (m.find()) acknowledged.add(m.group(1));
                        } catch (Exception stopped) {
                          return; // the server was killed under this request: not acknowledged
                        }
                      }
                    }));
      }
      Await.until(() -> acknowledged.size() >= 200, () -> "200 acknowledged posts");
      first.process().destroyForcibly(); // SIGKILL
      assertTrue(first.process().waitFor(10, TimeUnit.SECONDS));
      for (Thread t : writers) t.join(TimeUnit.SECONDS.toMillis(30));
    }
    assertTrue(acknowledged.size() >= 200, "acknowledged before the kill: " + acknowledged.size());

    server = startServer("CHAT_MONGO_DATABASE", "chat_kill_test");
    Set<String> stored = new HashSet<>();
    String from = null;
    do {
      Answer page =
          call(
              "GET",
              "/v1/rooms/"
                  + room
                  + "/messages?dir=f&limit=100"
                  + (from == null ? "" : "&from=" + from),
              admin,
              null);
      assertEquals(200, page.status(), page.body().toString());
      page.body().get("chunk").forEach(e -> stored.add(e.get("event_id").asText()));
      from = page.body().get("end").isNull() ? null : page.body().get("end").asText();
    } while (from != null);
    Set<String> missing = new HashSet<>(acknowledged);
    missing.removeAll(stored);
    assertEquals(Set.of(), missing, "acknowledged messages missing after the restart");
  }
}
