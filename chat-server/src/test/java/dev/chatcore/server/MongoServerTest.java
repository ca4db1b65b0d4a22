package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The whole server on MongoDB (embedded mongo-java-server), over HTTP. */
class MongoServerTest extends MongoServerHarness {
  @Test
  void postsAndReadsAMessageAndKeepsItAcrossARestart() throws Exception {
    server = startServer();
    String room = createRoom();
    Answer sent =
        call(
            "POST",
            "/v1/rooms/" + room + "/messages",
            player,
            "{\"content\":{\"text\":\"hello mongo\"},\"txn_id\":\"t1\"}");
    assertEquals(200, sent.status(), sent.body().toString());
    String eventId = sent.body().get("event_id").asText();
    Answer retry =
        call(
            "POST",
            "/v1/rooms/" + room + "/messages",
            player,
            "{\"content\":{\"text\":\"hello mongo\"},\"txn_id\":\"t1\"}");
    assertEquals(
        eventId, retry.body().get("event_id").asText(), "the retry returns the first event");

    Answer history = call("GET", "/v1/rooms/" + room + "/messages", player, null);
    assertEquals(200, history.status());
    assertEquals(1, history.body().get("chunk").size());
    assertEquals(
        "hello mongo", history.body().get("chunk").get(0).get("content").get("text").asText());

    Answer wellKnown = call("GET", "/.well-known", null, null);
    assertEquals("mongodb", wellKnown.body().get("storage").asText());
    assertEquals("polling", wellKnown.body().get("sync_delivery").asText());
    assertEquals(200, call("GET", "/readyz", null, null).status());

    server.stop();
    server = startServer();
    Answer again = call("GET", "/v1/rooms/" + room + "/messages", player, null);
    assertEquals(
        eventId,
        again.body().get("chunk").get(0).get("event_id").asText(),
        "durable across a restart");
  }

  @Test
  void aHeldSyncIsAnsweredByAPost() throws Exception {
    server = startServer();
    String room = createRoom();
    String head = call("GET", "/v1/rooms/" + room, player, null).body().get("head").asText();
    CompletableFuture<Answer> held =
        sendAsync(request("GET", "/v1/sync?since=" + head + "&timeout=20s", player, null));
    assertTrue(awaitHeld(1), "the sync is held");
    String eventId =
        call("POST", "/v1/rooms/" + room + "/messages", admin, "{\"content\":{\"text\":\"wake\"}}")
            .body()
            .get("event_id")
            .asText();
    Answer answer = held.get(5, TimeUnit.SECONDS);
    assertEquals(200, answer.status());
    assertEquals(eventId, answer.body().get("events").get(0).get("event_id").asText());
    assertEquals(eventId, answer.body().get("next_batch").asText());
  }
}
