package dev.chatcore.adapter.http.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class V1ActivityHttpTest {
  private static final String THUMBS = "👍";

  private HttpTestServer server;
  private User admin;
  private String lobby;

  @BeforeEach
  void start() {
    server = HttpTestServer.start();
    admin = server.registered(server.admin("admin"));
    lobby = server.post(admin, "/v1/rooms", "{\"name\":\"lobby\"}").text("room_id");
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String say(User who, String text) {
    Response r =
        server.post(
            who, "/v1/rooms/" + lobby + "/messages", "{\"content\":{\"text\":\"" + text + "\"}}");
    assertEquals(200, r.status(), r.raw().body());
    return r.text("event_id");
  }

  private static void assertError(Response r, int status, String error, String messagePart) {
    assertEquals(status, r.status(), r.raw().body());
    assertEquals(error, r.text("error"));
    assertTrue(r.text("message").contains(messagePart), r.text("message"));
  }

  private String reactPath(String message) {
    return "/v1/rooms/" + lobby + "/messages/" + message + "/react";
  }

  private List<Event> stream(Class<? extends EventContent> type) {
    return server
        .storage()
        .events()
        .readAfter(EventId.ORIGIN, Set.of(new RoomId(lobby)), 100_000)
        .events()
        .stream()
        .filter(e -> type.isInstance(e.content()))
        .toList();
  }

  private JsonNode newestMessage(User as) {
    return server.get(as, "/v1/rooms/" + lobby + "/messages?limit=1").json().path("chunk").get(0);
  }

  @Test
  void reactionsAreIdempotentAndAggregatedInHistory() {
    User alice = server.registered(server.user("alice"));
    String message = say(admin, "hello");
    Response first = server.post(alice, reactPath(message), "{\"key\":\"" + THUMBS + "\"}");
    assertEquals(200, first.status());
    assertTrue(first.json().path("changed").asBoolean());
    assertEquals(
        "[{\"key\":\"👍\",\"count\":1,\"me\":true}]", first.json().path("reactions").toString());
    assertEquals(
        false,
        server
            .post(alice, reactPath(message), "{\"key\":\"👍\"}")
            .json()
            .path("changed")
            .asBoolean());
    JsonNode inHistory = newestMessage(admin);
    assertEquals(
        "[{\"key\":\"👍\",\"count\":1,\"me\":false}]", inHistory.path("reactions").toString());
    assertEquals(0, inHistory.path("read_by").asLong());
    Response removed =
        server.delete(
            alice,
            reactPath(message) + "?key=" + URLEncoder.encode(THUMBS, StandardCharsets.UTF_8));
    assertEquals(200, removed.status(), removed.raw().body());
    assertTrue(removed.json().path("changed").asBoolean());
    assertEquals(0, removed.json().path("reactions").size());
    assertEquals("[]", newestMessage(admin).path("reactions").toString());
  }

  @Test
  void reactionEventsInSyncSayWhatChanged() {
    User alice = server.registered(server.user("alice"));
    String message = say(admin, "hello");
    String since = server.core().storage().events().head().toString();
    server.post(alice, reactPath(message), "{\"key\":\"ok\"}");
    server.delete(alice, reactPath(message) + "?key=ok");
    JsonNode events =
        server.get(admin, "/v1/sync?timeout=1000&since=" + since).json().path("events");
    assertEquals(2, events.size());
    assertEquals("m.reaction", events.get(0).path("type").asText());
    assertEquals(alice.id().value(), events.get(0).path("sender").asText());
    assertEquals(
        "{\"event_id\":\"" + message + "\",\"key\":\"ok\",\"action\":\"add\"}",
        sorted(events.get(0).path("content")));
    assertEquals("remove", events.get(1).path("content").path("action").asText());
  }

  private static String sorted(JsonNode content) {
    return "{\"event_id\":"
        + content.path("event_id")
        + ",\"key\":"
        + content.path("key")
        + ",\"action\":"
        + content.path("action")
        + "}";
  }

  @Test
  void badReactionsGetClearErrors() {
    User alice = server.registered(server.user("alice"));
    String message = say(admin, "hello");
    assertError(
        server.post(alice, reactPath(message), "{}"), 400, "bad_request", "key is required");
    assertError(
        server.post(alice, reactPath(message), "{\"key\":5}"),
        400,
        "bad_request",
        "key must be a string");
    assertError(
        server.post(alice, reactPath(message), "{\"key\":\"" + "x".repeat(33) + "\"}"),
        400,
        "bad_request",
        "key");
    assertError(server.delete(alice, reactPath(message)), 400, "bad_request", "key is required");
    assertError(
        server.post(alice, reactPath("zz"), "{\"key\":\"ok\"}"), 400, "bad_request", "event_id");
    assertError(
        server.post(alice, reactPath(new EventId(999_999).toString()), "{\"key\":\"ok\"}"),
        404,
        "not_found",
        "message");
    server.post(alice, "/v1/rooms/" + lobby + "/leave", null);
    assertError(
        server.post(alice, reactPath(message), "{\"key\":\"ok\"}"), 403, "forbidden", "member");
  }

  @Test
  void concurrentReactionsFromManyUsersOverHttpAreCountedOnce() throws Exception {
    String message = say(admin, "vote");
    List<User> users = new ArrayList<>();
    for (int i = 0; i < 20; i++) users.add(server.registered(server.user("u" + i)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<CompletableFuture<Response>> calls = new ArrayList<>();
    for (User u : users) {
      for (int copy = 0; copy < 2; copy++) {
        calls.add(
            CompletableFuture.supplyAsync(
                () -> server.post(u, reactPath(message), "{\"key\":\"👍\"}"), pool));
      }
    }
    long changed = 0;
    for (CompletableFuture<Response> c : calls) {
      Response r = c.get(60, TimeUnit.SECONDS);
      assertEquals(200, r.status());
      if (r.json().path("changed").asBoolean()) changed++;
    }
    pool.shutdown();
    assertEquals(20, changed);
    assertEquals(20, stream(EventContent.Reaction.class).size());
    assertEquals(20, newestMessage(admin).path("reactions").get(0).path("count").asLong());
  }

  @Test
  void typingIsASyncEventWithTheTypistsAndATimeout() {
    User alice = server.registered(server.user("alice"));
    String since = server.core().storage().events().head().toString();
    Response typing = server.post(alice, "/v1/rooms/" + lobby + "/typing", "{\"typing\":true}");
    assertEquals(200, typing.status());
    assertEquals(3000, typing.json().path("timeout_ms").asLong());
    assertEquals(
        30000,
        server
            .post(alice, "/v1/rooms/" + lobby + "/typing", "{\"typing\":true,\"timeout\":60000}")
            .json()
            .path("timeout_ms")
            .asLong());
    assertError(
        server.post(alice, "/v1/rooms/" + lobby + "/typing", "{}"),
        400,
        "bad_request",
        "typing is required");
    assertError(
        server.post(alice, "/v1/rooms/" + lobby + "/typing", "{\"typing\":\"yes\"}"),
        400,
        "bad_request",
        "typing");
    assertError(
        server.post(alice, "/v1/rooms/" + lobby + "/typing", "{\"typing\":true,\"timeout\":0}"),
        400,
        "bad_request",
        "timeout");
    assertError(
        server.post(
            alice, "/v1/rooms/" + lobby + "/typing", "{\"typing\":true,\"timeout\":\"3s\"}"),
        400,
        "bad_request",
        "timeout");
    JsonNode events =
        server.get(admin, "/v1/sync?timeout=1000&since=" + since).json().path("events");
    assertEquals(2, events.size());
    JsonNode first = events.get(0);
    assertEquals("m.typing", first.path("type").asText());
    assertEquals("[\"" + alice.id() + "\"]", first.path("content").path("user_ids").toString());
    assertEquals(3000, first.path("content").path("timeout_ms").asLong());
    assertEquals(
        0,
        server.get(admin, "/v1/rooms/" + lobby + "/messages").json().path("chunk").size(),
        "never in history");
  }

  @Test
  void receiptsMoveForwardOnlyAndDriveUnreadAndReadBy() {
    User alice = server.registered(server.user("alice"));
    String m1 = say(admin, "one");
    String m2 = say(admin, "two");
    say(admin, "three");
    assertEquals(3, server.get(alice, "/v1/rooms/" + lobby).json().path("unread_count").asLong());
    String since = server.core().storage().events().head().toString();
    Response read =
        server.post(
            alice, "/v1/rooms/" + lobby + "/read-receipts", "{\"event_id\":\"" + m2 + "\"}");
    assertEquals(200, read.status(), read.raw().body());
    assertEquals(m2, read.text("event_id"));
    assertEquals(
        m2,
        server
            .post(alice, "/v1/rooms/" + lobby + "/read-receipts", "{\"event_id\":\"" + m1 + "\"}")
            .text("event_id"),
        "a receipt never moves backwards");
    assertEquals(1, server.get(alice, "/v1/rooms/" + lobby).json().path("unread_count").asLong());
    JsonNode chunk =
        server.get(admin, "/v1/rooms/" + lobby + "/messages?dir=f").json().path("chunk");
    assertEquals(
        List.of(1L, 1L, 0L),
        List.of(
            chunk.get(0).path("read_by").asLong(),
            chunk.get(1).path("read_by").asLong(),
            chunk.get(2).path("read_by").asLong()));
    JsonNode events =
        server.get(admin, "/v1/sync?timeout=1000&since=" + since).json().path("events");
    assertEquals(1, events.size(), "the backward receipt published nothing");
    JsonNode inSync =
        server.get(admin, "/v1/sync?timeout=1000&since=" + EventId.ORIGIN).json().path("events");
    JsonNode firstMessage = null;
    for (JsonNode e : inSync) if (e.path("event_id").asText().equals(m1)) firstMessage = e;
    assertEquals(1, firstMessage.path("read_by").asLong(), "sync carries the aggregates too");
    assertEquals("[]", firstMessage.path("reactions").toString());
    assertEquals("m.receipt", events.get(0).path("type").asText());
    assertEquals(alice.id().value(), events.get(0).path("content").path("user_id").asText());
    assertEquals(m2, events.get(0).path("content").path("event_id").asText());
  }

  @Test
  void badReceiptsGetClearErrors() {
    User alice = server.registered(server.user("alice"));
    String other = server.post(admin, "/v1/rooms", "{\"name\":\"other\"}").text("room_id");
    String elsewhere =
        server
            .post(admin, "/v1/rooms/" + other + "/messages", "{\"content\":{\"text\":\"x\"}}")
            .text("event_id");
    String path = "/v1/rooms/" + lobby + "/read-receipts";
    assertError(server.post(alice, path, "{}"), 400, "bad_request", "event_id is required");
    assertError(
        server.post(alice, path, "{\"event_id\":\"nope\"}"), 400, "bad_request", "event_id");
    assertError(
        server.post(alice, path, "{\"event_id\":\"" + elsewhere + "\"}"),
        404,
        "not_found",
        "event_id");
    assertError(server.send("POST", path, alice, null), 400, "bad_request", "event_id is required");
  }

  @Test
  void concurrentReceiptsOverHttpEndAtEachUsersLatest() throws Exception {
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < 10; i++) messages.add(say(admin, "m" + i));
    List<User> users = new ArrayList<>();
    for (int i = 0; i < 10; i++) users.add(server.registered(server.user("r" + i)));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    List<CompletableFuture<Response>> calls = new ArrayList<>();
    for (User u : users) {
      for (String m : messages) {
        calls.add(
            CompletableFuture.supplyAsync(
                () ->
                    server.post(
                        u, "/v1/rooms/" + lobby + "/read-receipts", "{\"event_id\":\"" + m + "\"}"),
                pool));
      }
    }
    for (CompletableFuture<Response> c : calls)
      assertEquals(200, c.get(60, TimeUnit.SECONDS).status());
    pool.shutdown();
    for (User u : users)
      assertEquals(0, server.get(u, "/v1/rooms/" + lobby).json().path("unread_count").asLong());
    JsonNode newest = newestMessage(admin);
    assertEquals(10, newest.path("read_by").asLong());
  }

  @Test
  void wellKnownAdvertisesTheNewCapabilities() {
    JsonNode caps = server.send("GET", "/.well-known", null, null).json().path("capabilities");
    List<String> names = new ArrayList<>();
    caps.forEach(c -> names.add(c.asText()));
    assertTrue(
        names.containsAll(
            List.of(
                "rooms.join_leave",
                "rooms.members",
                "rooms.kick_ban",
                "m.reaction",
                "m.typing",
                "m.receipt",
                "unread_count",
                "history.aggregates")),
        names.toString());
  }
}
