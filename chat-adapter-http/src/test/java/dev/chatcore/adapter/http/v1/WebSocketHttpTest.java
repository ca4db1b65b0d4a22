package dev.chatcore.adapter.http.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.adapter.http.WsClient;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.StreamLimits;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/ws}: the WebSocket stream and its client frames, over the real HTTP adapter. */
class WebSocketHttpTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private final HttpClient http = HttpClient.newHttpClient();
  private final List<WsClient> clients = new ArrayList<>();
  private HttpTestServer server;
  private User admin;

  private void start(UnaryOperator<Limits> limits) {
    server =
        HttpTestServer.builder()
            .limits(limits.apply(HttpTestServer.generousRateLimit(Limits.defaults())))
            .start();
    admin = server.registered(server.admin("admin"));
  }

  private void start() {
    start(UnaryOperator.identity());
  }

  @AfterEach
  void stop() {
    clients.forEach(WsClient::close);
    if (server != null) server.close();
  }

  private WsClient connect(User as) throws Exception {
    WsClient c = WsClient.connect(http, server.port(), "", as.token());
    clients.add(c);
    return c;
  }

  /**
   * Reads {@code events} frames until {@code n} events came; returns them and the last next_batch.
   */
  private List<JsonNode> events(WsClient ws, int n, String[] nextBatch) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    while (out.size() < n) {
      JsonNode frame = ws.next(WAIT);
      assertNotNull(frame, "got " + out.size() + " of " + n + " events");
      assertEquals("events", frame.get("type").asText(), frame.toString());
      frame.get("events").forEach(out::add);
      if (nextBatch != null) nextBatch[0] = frame.get("next_batch").asText();
    }
    return out;
  }

  @Test
  void resumeThenBatchesOfEventsAsSyncRendersThem() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    String room = server.channel(admin, "lobby");
    String since = server.head();
    server.say(admin, room, "one");
    WsClient ws = connect(alice);
    ws.send("{\"type\":\"resume\",\"since\":\"" + since + "\",\"filter\":[\"" + room + "\"]}");
    server.say(admin, room, "two");
    String[] next = new String[1];
    List<JsonNode> got = events(ws, 2, next);
    JsonNode sync =
        server.get(alice, "/v1/sync?since=" + since + "&timeout=1000&filter=" + room).json();
    assertEquals(sync.get("events").get(0), got.get(0));
    assertEquals(sync.get("events").get(1), got.get(1));
    assertEquals(sync.get("next_batch").asText(), next[0]);
  }

  @Test
  void aReconnectFromNextBatchResumesWithNoSkipAndNoDuplicate() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    String room = server.channel(admin, "lobby");
    String since = server.head();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 4; i++) sent.add(server.say(admin, room, "m" + i));
    WsClient first = connect(alice);
    first.send("{\"type\":\"resume\",\"since\":\"" + since + "\"}");
    String[] next = new String[1];
    List<String> seen =
        new ArrayList<>(
            events(first, 4, next).stream().map(e -> e.get("event_id").asText()).toList());
    first.close();
    for (int i = 4; i < 8; i++) sent.add(server.say(admin, room, "m" + i));
    WsClient again = connect(alice);
    again.send("{\"type\":\"resume\",\"since\":\"" + next[0] + "\"}");
    seen.addAll(events(again, 4, null).stream().map(e -> e.get("event_id").asText()).toList());
    assertEquals(sent, seen);
    assertNull(again.next(Duration.ofMillis(300)), "nothing twice");
  }

  /**
   * A device token's stream: every {@code events} frame carries the device's share of its window in
   * sync's names ({@code to_device}, {@code device_lists}, the key counts), the first one at once;
   * a to-device message comes once, again only to a client resuming from before it, and a resume
   * from a later {@code next_batch} acknowledges it.
   */
  @Test
  void aDeviceStreamCarriesToDeviceMessagesOnceInItsFramesAndResumesByNextBatch() throws Exception {
    start();
    User alice = server.registered(server.onDevice("alice", "ALICE1"));
    User bob = server.registered(server.onDevice("bob", "BOB1"));
    String room = server.channel(admin, "lobby");
    String since = server.head();
    WsClient ws = connect(bob);
    ws.send("{\"type\":\"resume\",\"since\":\"" + since + "\"}");
    JsonNode first = ws.next(WAIT);
    assertEquals(0, first.get("events").size(), "a device's first batch comes at once: " + first);
    assertEquals("{}", first.get("device_one_time_keys_count").toString());
    assertEquals("[]", first.get("to_device").toString());
    assertEquals("{\"changed\":[],\"left\":[]}", first.get("device_lists").toString());
    server.toDevice(alice, bob, "BOB1", "t1", "{\"ciphertext\":\"olm\"}");
    String after = server.say(alice, room, "after");
    List<JsonNode> frames = framesUntil(ws, after);
    JsonNode sync = server.get(bob, "/v1/sync?since=" + since + "&timeout=1000").json();
    assertEquals(
        List.of(sync.get("to_device").get(0)), toDevice(frames), "once, as sync renders it");
    String last = frames.getLast().get("next_batch").asText();
    ws.close();

    WsClient lost = connect(bob);
    lost.send("{\"type\":\"resume\",\"since\":\"" + first.get("next_batch").asText() + "\"}");
    assertEquals(
        List.of(sync.get("to_device").get(0)),
        toDevice(framesUntil(lost, after)),
        "not got, so again");
    lost.close();
    WsClient past = connect(bob);
    past.send("{\"type\":\"resume\",\"since\":\"" + last + "\"}");
    JsonNode nothingNew = past.next(WAIT);
    assertEquals("[]", nothingNew.get("to_device").toString(), "got it: never again");
    assertEquals(List.of(), server.waitingFor(bob, "BOB1"), "resuming past it acknowledged it");
  }

  /** {@code events} frames until one carries the event {@code eventId}. */
  private static List<JsonNode> framesUntil(WsClient ws, String eventId) throws Exception {
    List<JsonNode> frames = new ArrayList<>();
    while (frames.isEmpty()
        || !frames.getLast().get("events").findValuesAsText("event_id").contains(eventId)) {
      JsonNode frame = ws.next(WAIT);
      assertNotNull(frame, "got " + frames);
      assertEquals("events", frame.get("type").asText(), frame.toString());
      frames.add(frame);
    }
    return frames;
  }

  private static List<JsonNode> toDevice(List<JsonNode> frames) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode f : frames) f.get("to_device").forEach(out::add);
    return out;
  }

  @Test
  void sendIsAcknowledgedAndARepeatedTxnIdGetsTheSameAnswer() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    String room = server.channel(admin, "lobby");
    WsClient ws = connect(alice);
    ws.send("{\"type\":\"resume\",\"since\":\"" + server.head() + "\"}");
    String send =
        "{\"type\":\"send\",\"room_id\":\""
            + room
            + "\",\"txn_id\":\"t1\",\"content\":{\"text\":\"hi\"},"
            + "\"msg_type\":\"m.plain\"}";
    ws.send(send);
    JsonNode ack = nextOfType(ws, "ack");
    assertEquals("t1", ack.get("txn_id").asText());
    String eventId = ack.get("event_id").asText();
    ws.send(send);
    assertEquals(
        eventId, nextOfType(ws, "ack").get("event_id").asText(), "the same event, stored once");
    JsonNode history = server.get(alice, "/v1/rooms/" + room + "/messages").json().get("chunk");
    assertEquals(1, history.size());
    assertEquals(eventId, history.get(0).get("event_id").asText());
  }

  @Test
  void aRefusedSendIsAnErrorFrameWithTheHttpErrorAndItsTxnId() throws Exception {
    start(
        l ->
            l.withRateLimit(
                1, 3)); // the handshake and two sends fit the burst, a third send does not
    User alice = server.registered(server.user("alice"));
    String room = server.channel(admin, "lobby");
    WsClient ws = connect(alice);
    ws.send("{\"type\":\"resume\",\"since\":\"" + server.head() + "\"}");
    ws.send(
        "{\"type\":\"send\",\"room_id\":\""
            + "f".repeat(24)
            + "\",\"txn_id\":\"a\",\"content\":{\"text\":\"x\"}}");
    JsonNode missing = nextOfType(ws, "error");
    assertEquals("a", missing.get("txn_id").asText());
    assertEquals("not_found", missing.get("error").asText());
    ws.send(
        "{\"type\":\"send\",\"room_id\":\""
            + room
            + "\",\"txn_id\":\"b\",\"content\":{\"text\":5}}");
    JsonNode bad = nextOfType(ws, "error");
    assertEquals("bad_request", bad.get("error").asText());
    assertTrue(bad.get("message").asText().contains("content.text"), bad.toString());
    // like HTTP requests, refused sends count: the bucket is spent
    ws.send(
        "{\"type\":\"send\",\"room_id\":\""
            + room
            + "\",\"txn_id\":\"c\",\"content\":{\"text\":\"x\"}}");
    JsonNode limited = nextOfType(ws, "error");
    assertEquals("c", limited.get("txn_id").asText());
    assertEquals("rate_limited", limited.get("error").asText());
    assertTrue(limited.get("retry_after_s").asLong() >= 1);
  }

  @Test
  void pingIsAnsweredPongAndTheFirstFrameMustBeResume() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    WsClient early = connect(alice);
    early.send("{\"type\":\"ping\"}");
    JsonNode refused = nextOfType(early, "error");
    assertEquals("bad_request", refused.get("error").asText());
    assertEquals(1008, early.awaitClose(WAIT).code());

    WsClient ws = connect(alice);
    ws.send("{\"type\":\"resume\",\"since\":\"" + server.head() + "\"}");
    ws.send("{\"type\":\"ping\"}");
    assertEquals("pong", ws.next(WAIT).get("type").asText());
  }

  @Test
  void anIdleStreamIsPingedAndALifetimeClosesIt() throws Exception {
    start(
        l ->
            l.withStreams(
                StreamLimits.defaults().withTimes(Duration.ofMillis(100), Duration.ofMillis(800))));
    WsClient ws = connect(server.registered(server.user("alice")));
    ws.send("{\"type\":\"resume\",\"since\":\"" + server.head() + "\"}");
    assertTrue(
        SseHttpTest.RecordingWait.until(() -> ws.pings() >= 2, WAIT), "WebSocket pings while idle");
    WsClient.Closed closed = ws.awaitClose(WAIT);
    assertEquals(1000, closed.code());
    assertEquals("lifetime", closed.reason());
  }

  @Test
  void aBanClosesTheStreamWithAnErrorFrame() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    WsClient ws = connect(alice);
    ws.send("{\"type\":\"resume\",\"since\":\"" + server.head() + "\"}");
    assertTrue(
        SseHttpTest.RecordingWait.until(() -> server.core().streams().openCount() == 1, WAIT));
    server.post(
        admin,
        "/chat/admin/bans",
        "{\"accountId\":\"" + alice.id().value() + "\",\"duration\":60,\"reason\":\"rude\"}");
    JsonNode error = nextOfType(ws, "error");
    assertEquals("banned", error.get("error").asText());
    assertEquals(1008, ws.awaitClose(WAIT).code());
  }

  @Test
  void aTicketAuthenticatesTheHandshakeOnce() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    String ticket = server.post(alice, "/v1/stream-tickets", null).text("ticket");
    WsClient ws = WsClient.connect(http, server.port(), "?ticket=" + ticket, null);
    clients.add(ws);
    ws.send("{\"type\":\"resume\",\"since\":\"" + server.head() + "\"}");
    ws.send("{\"type\":\"ping\"}");
    assertEquals("pong", ws.next(WAIT).get("type").asText());
    assertThrows(
        Exception.class,
        () -> WsClient.connect(http, server.port(), "?ticket=" + ticket, null),
        "used");
    assertThrows(
        Exception.class, () -> WsClient.connect(http, server.port(), "", null), "no credentials");
    assertEquals(400, server.get(alice, "/v1/ws").status(), "not a WebSocket handshake");
  }

  private static JsonNode nextOfType(WsClient ws, String type) throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode frame = ws.next(Duration.ofMillis(200));
      if (frame != null && frame.get("type").asText().equals(type)) return frame;
    }
    assertFalse(true, "no " + type + " frame");
    return null;
  }
}
