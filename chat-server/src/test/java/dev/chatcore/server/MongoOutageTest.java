package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.bwaldvogel.mongo.MongoServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * MongoDB stops under a running server, then comes back on the same port with its data: the server
 * answers 503 {@code unavailable} meanwhile (never hangs, never 500) and recovers by itself.
 */
class MongoOutageTest extends MongoServerHarness {
  private static final long TIMEOUT_MS = 1500; // CHAT_MONGO_TIMEOUT_MS of startServer()

  private long millisOf(ThrowingRunnable r) throws Exception {
    long start = System.nanoTime();
    r.run();
    return (System.nanoTime() - start) / 1_000_000;
  }

  interface ThrowingRunnable {
    void run() throws Exception;
  }

  @Test
  void answersUnavailableWhileMongoIsDownAndRecoversWithoutARestart() throws Exception {
    server = startServer();
    String room = createRoom();
    String head =
        call(
                "POST",
                "/v1/rooms/" + room + "/messages",
                player,
                "{\"content\":{\"text\":\"before\"}}")
            .body()
            .get("event_id")
            .asText();
    CompletableFuture<Answer> held =
        sendAsync(request("GET", "/v1/sync?since=" + head + "&timeout=3s", player, null));
    assertTrue(awaitHeld(1), "a sync is held");

    stopMongo();

    long readyMs =
        millisOf(
            () -> {
              Answer ready = call("GET", "/readyz", null, null);
              assertEquals(503, ready.status(), ready.body().toString());
              assertEquals("unavailable", ready.body().get("status").asText());
            });
    // the probe's own timeout (about a second), not the one of ordinary operations
    assertTrue(readyMs < TIMEOUT_MS, "readyz answered 503 after " + readyMs + " ms");

    long postMs =
        millisOf(
            () -> {
              Answer post =
                  call(
                      "POST",
                      "/v1/rooms/" + room + "/messages",
                      player,
                      "{\"content\":{\"text\":\"during\"}}");
              assertEquals(503, post.status(), post.body().toString());
              assertEquals("unavailable", post.body().get("error").asText());
            });
    assertTrue(postMs < TIMEOUT_MS * 3, "a post failed after " + postMs + " ms");

    Answer history = call("GET", "/v1/rooms/" + room + "/messages", player, null);
    assertEquals(503, history.status(), history.body().toString());

    // answered, never left hanging: empty at its timeout, or 503 when a wake-up made it read
    Answer heldAnswer = held.get(10, TimeUnit.SECONDS);
    if (heldAnswer.status() == 200) {
      assertEquals(0, heldAnswer.body().get("events").size());
      assertEquals(head, heldAnswer.body().get("next_batch").asText());
    } else {
      assertEquals(503, heldAnswer.status(), heldAnswer.body().toString());
      assertEquals("unavailable", heldAnswer.body().get("error").asText());
    }

    restartMongo();

    assertTrue(awaitReady(Duration.ofSeconds(15)), "readyz turns 200 again");
    CompletableFuture<Answer> after =
        sendAsync(request("GET", "/v1/sync?since=" + head + "&timeout=20s", player, null));
    Answer sent =
        call(
            "POST",
            "/v1/rooms/" + room + "/messages",
            player,
            "{\"content\":{\"text\":\"after\"}}");
    assertEquals(200, sent.status(), sent.body().toString());
    Answer synced = after.get(10, TimeUnit.SECONDS);
    assertEquals(
        sent.body().get("event_id").asText(),
        synced.body().get("events").get(0).get("event_id").asText(),
        "the message before the outage is not delivered twice; the new one is delivered");
    assertEquals(1, synced.body().get("events").size());
  }

  private void stopMongo() {
    mongo().shutdownNow();
  }

  private void restartMongo() {
    replaceMongo(new MongoServer(backend()));
  }

  private boolean awaitReady(Duration bound) throws Exception {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline) {
      if (call("GET", "/readyz", null, null).status() == 200) return true;
      TimeUnit.MILLISECONDS.sleep(100);
    }
    return false;
  }
}
