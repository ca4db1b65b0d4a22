package dev.chatcore.adapter.http.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.adapter.http.Json;
import dev.chatcore.adapter.http.SseClient;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.StreamLimits;
import dev.chatcore.domain.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /v1/events}: Server-Sent Events on the sync cursor, over the real HTTP adapter. */
class SseHttpTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private HttpTestServer server;
  private User admin;
  private final List<SseClient> clients = new ArrayList<>();

  private void start(UnaryOperator<StreamLimits> streams, Clock clock) {
    Limits limits =
        HttpTestServer.generousRateLimit(Limits.defaults())
            .withStreams(streams.apply(StreamLimits.defaults()));
    server = HttpTestServer.builder().limits(limits).clock(clock).start();
    admin = server.registered(server.admin("admin"));
  }

  private void start() {
    start(UnaryOperator.identity(), Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    for (SseClient c : clients) c.close();
    if (server != null) server.close();
  }

  private SseClient open(User as, String query, Map<String, String> headers) throws Exception {
    Map<String, String> h = new HashMap<>(headers);
    if (as != null) h.put("Authorization", "Bearer " + as.token());
    SseClient c = SseClient.open(server.port(), "/v1/events" + query, h);
    clients.add(c);
    return c;
  }

  private List<SseClient.Message> events(SseClient c, int n) throws Exception {
    List<SseClient.Message> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      SseClient.Message m = c.nextEvent(WAIT);
      assertNotNull(m, "event " + i + " of " + n);
      out.add(m);
    }
    return out;
  }

  @Test
  void eachEventIsOneMessageWithTheJsonOfSync() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    String room = server.channel(admin, "lobby");
    String since = server.head();
    server.say(admin, room, "one");
    SseClient sse = open(alice, "?since=" + since, Map.of());
    assertEquals(200, sse.status(WAIT));
    assertTrue(
        sse.header("Content-Type").startsWith("text/event-stream"), sse.header("Content-Type"));
    server.say(admin, room, "two");
    List<SseClient.Message> got = events(sse, 2);
    JsonNode sync =
        server.get(alice, "/v1/sync?since=" + since + "&timeout=1000").json().get("events");
    assertEquals(2, sync.size());
    for (int i = 0; i < 2; i++) {
      assertEquals(sync.get(i).get("event_id").asText(), got.get(i).id());
      assertEquals("m.plain", got.get(i).event());
      assertEquals(
          sync.get(i),
          Json.mapper().readTree(got.get(i).data()),
          "data is the event exactly as in /v1/sync");
    }
  }

  @Test
  void aReconnectWithTheLastIdItSawResumesWithNoSkipAndNoDuplicate() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    String room = server.channel(admin, "lobby");
    String since = server.head();
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) sent.add(server.say(admin, room, "m" + i));
    SseClient first = open(alice, "?since=" + since, Map.of());
    List<String> seen =
        new ArrayList<>(events(first, 3).stream().map(SseClient.Message::id).toList());
    first.close();
    for (int i = 5; i < 10; i++) sent.add(server.say(admin, room, "m" + i));
    // an EventSource reconnects to its first URL and sends the last id it saw
    SseClient again = open(alice, "?since=" + since, Map.of("Last-Event-ID", seen.getLast()));
    seen.addAll(events(again, 7).stream().map(SseClient.Message::id).toList());
    assertEquals(sent, seen);
    assertNull(again.nextEvent(Duration.ofMillis(300)), "nothing twice");
  }

  /**
   * A device token's stream: a {@code device} message (key counts, device lists) opens each batch,
   * and each to-device message is its own {@code to_device} message whose {@code id} is its
   * position, between the events around it. Resuming from before it brings it again (the client did
   * not get it); resuming from its id or later does not, and acknowledges it.
   */
  @Test
  void aDeviceStreamCarriesEachToDeviceMessageOnceAtItsPositionAndResumesByLastEventId()
      throws Exception {
    start();
    User alice = server.registered(server.onDevice("alice", "ALICE1"));
    User bob = server.registered(server.onDevice("bob", "BOB1"));
    String room = server.channel(admin, "lobby");
    String since = server.head();
    SseClient sse = open(bob, "?since=" + since, Map.of());
    SseClient.Message counts = sse.nextEvent(WAIT);
    assertEquals("device", counts.event(), "a device's first batch comes at once");
    assertNull(counts.id(), "the device message moves no cursor");
    JsonNode state = Json.mapper().readTree(counts.data());
    assertEquals("{}", state.get("device_one_time_keys_count").toString());
    assertEquals("{\"changed\":[],\"left\":[]}", state.get("device_lists").toString());
    String before = server.say(alice, room, "before");
    server.toDevice(alice, bob, "BOB1", "t1", "{\"ciphertext\":\"olm\"}");
    String after = server.say(alice, room, "after");
    List<SseClient.Message> got = untilEvent(sse, after);
    assertEquals(
        List.of("m.plain", "to_device", "m.plain"),
        got.stream().map(SseClient.Message::event).toList());
    String position = got.get(1).id();
    assertEquals(
        List.of(before, position, after), got.stream().map(SseClient.Message::id).toList());
    JsonNode sync = server.get(bob, "/v1/sync?since=" + since + "&timeout=1000").json();
    assertEquals(
        sync.get("to_device").get(0),
        Json.mapper().readTree(got.get(1).data()),
        "as sync renders it");
    assertTrue(before.compareTo(position) < 0 && position.compareTo(after) < 0, "at its position");
    sse.close();

    SseClient lost = open(bob, "?since=" + since, Map.of("Last-Event-ID", before));
    assertEquals(List.of(position, after), ids(untilEvent(lost, after)), "not got, so again");
    lost.close();
    SseClient past = open(bob, "?since=" + since, Map.of("Last-Event-ID", position));
    assertEquals(List.of(after), ids(untilEvent(past, after)), "got it: never again");
    assertEquals(List.of(), server.waitingFor(bob, "BOB1"), "resuming past it acknowledged it");
  }

  /** The messages up to the one with id {@code last}, without the {@code device} messages. */
  private static List<SseClient.Message> untilEvent(SseClient c, String last) throws Exception {
    List<SseClient.Message> out = new ArrayList<>();
    while (out.isEmpty() || !last.equals(out.getLast().id())) {
      SseClient.Message m = c.nextEvent(WAIT);
      assertNotNull(m, "got " + out);
      if (!"device".equals(m.event())) out.add(m);
    }
    return out;
  }

  private static List<String> ids(List<SseClient.Message> messages) {
    return messages.stream().map(SseClient.Message::id).toList();
  }

  @Test
  void lastEventIdWinsOverSinceAndACursorIsRequired() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    String room = server.channel(admin, "lobby");
    String since = server.head();
    String a = server.say(admin, room, "a");
    String b = server.say(admin, room, "b");
    SseClient sse = open(alice, "?since=" + since, Map.of("Last-Event-ID", a));
    assertEquals(b, events(sse, 1).getFirst().id());
    SseClient none = open(alice, "", Map.of());
    assertEquals(400, none.status(WAIT));
    assertTrue(none.errorBody().contains("since"), none.errorBody());
    SseClient bad = open(alice, "?since=" + since, Map.of("Last-Event-ID", "nope"));
    assertEquals(400, bad.status(WAIT));
  }

  @Test
  void anIdleStreamGetsKeepAliveComments() throws Exception {
    start(l -> l.withTimes(Duration.ofMillis(150), Duration.ofMinutes(5)), Clock.systemUTC());
    SseClient sse =
        open(server.registered(server.user("alice")), "?since=" + server.head(), Map.of());
    SseClient.Message m = sse.next(WAIT);
    assertNotNull(m);
    assertEquals("keep-alive", m.comment());
    assertEquals("keep-alive", sse.next(WAIT).comment());
  }

  @Test
  void aClientThatStopsReadingIsDisconnectedAndTheServerKeepsNothingForIt() throws Exception {
    start(l -> l.withQueueMax(Limits.defaults().syncBatchMax(), 64 * 1024), Clock.systemUTC());
    User alice = server.registered(server.user("alice"));
    User bob = server.registered(server.user("bob"));
    String room = server.channel(admin, "lobby");
    String since = server.head();
    SseClient stalled =
        SseClient.notReading(
            server.port(),
            "/v1/events?since=" + since,
            Map.of("Authorization", "Bearer " + alice.token()));
    clients.add(stalled);
    SseClient reading = open(bob, "?since=" + since, Map.of());
    assertTrue(RecordingWait.until(() -> server.core().streams().openCount() == 2, WAIT));
    String text = "x".repeat(3900);
    int sent = 0;
    // each event is ~4 KB: the socket buffers fill, then the 64 KiB bound, then the stream ends
    while (server.core().streams().openCount() == 2 && sent < 5000)
      server.say(admin, room, text + sent++);
    assertTrue(
        RecordingWait.until(() -> server.core().streams().openCount() == 1, WAIT),
        "the stalled stream ended after " + sent + " messages");
    assertEquals(sent, events(reading, sent).size(), "the reading client got everything");
  }

  @Test
  void aStreamEndsAtItsLifetimeSayingWhy() throws Exception {
    start(l -> l.withTimes(Duration.ofSeconds(30), Duration.ofMillis(300)), Clock.systemUTC());
    SseClient sse =
        open(server.registered(server.user("alice")), "?since=" + server.head(), Map.of());
    SseClient.Message end = sse.nextEvent(WAIT);
    assertEquals("end", end.event());
    assertNull(end.id(), "no id: Last-Event-ID stays the last event");
    assertEquals("lifetime", Json.mapper().readTree(end.data()).get("reason").asText());
    assertTrue(sse.awaitEnd(WAIT));
  }

  @Test
  void openingOneStreamMoreThanTheCapClosesTheOldest() throws Exception {
    start(l -> l.withPerAccount(1), Clock.systemUTC());
    User alice = server.registered(server.user("alice"));
    SseClient first = open(alice, "?since=" + server.head(), Map.of());
    assertEquals(200, first.status(WAIT));
    assertTrue(RecordingWait.until(() -> server.core().streams().openCount() == 1, WAIT));
    SseClient second = open(alice, "?since=" + server.head(), Map.of());
    assertEquals(200, second.status(WAIT));
    SseClient.Message end = first.nextEvent(WAIT);
    assertEquals("end", end.event());
    assertEquals("replaced", Json.mapper().readTree(end.data()).get("reason").asText());
    assertTrue(first.awaitEnd(WAIT));
    assertEquals(1, server.core().streams().openCount());
  }

  @Test
  void aBanClosesTheStreamWithAnErrorEvent() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    SseClient sse = open(alice, "?since=" + server.head(), Map.of());
    assertEquals(200, sse.status(WAIT));
    Response ban =
        server.post(
            admin,
            "/chat/admin/bans",
            "{\"accountId\":\"" + alice.id().value() + "\",\"duration\":null,\"reason\":\"rude\"}");
    assertEquals(200, ban.status(), ban.toString());
    SseClient.Message error = sse.nextEvent(WAIT);
    assertEquals("error", error.event());
    JsonNode body = Json.mapper().readTree(error.data());
    assertEquals("banned", body.get("error").asText());
    assertEquals("rude", body.get("reason").asText());
    assertTrue(sse.awaitEnd(WAIT));
    assertEquals(
        401,
        open(alice, "?since=" + server.head(), Map.of()).status(WAIT),
        "and it may not open another");
  }

  @Test
  void aKickedMemberGetsItsKickAndNothingMoreOfThatRoom() throws Exception {
    start();
    User alice = server.registered(server.user("alice"));
    String lobby = server.channel(admin, "lobby");
    String side = server.channel(admin, "side");
    SseClient sse = open(alice, "?since=" + server.head(), Map.of());
    String before = server.say(admin, lobby, "before");
    assertEquals(before, events(sse, 1).getFirst().id());
    assertEquals(
        200,
        server.delete(admin, "/v1/rooms/" + lobby + "/members/" + alice.id().value()).status());
    server.say(admin, lobby, "after");
    String elsewhere = server.say(admin, side, "elsewhere");
    List<SseClient.Message> got = events(sse, 2);
    assertEquals("m.member", got.get(0).event());
    JsonNode kick = Json.mapper().readTree(got.get(0).data()).get("content");
    assertEquals("kick", kick.get("membership").asText());
    assertEquals(alice.id().value(), kick.get("user_id").asText());
    assertEquals(elsewhere, got.get(1).id());
  }

  @Test
  void aTicketOpensOneStreamOnceWithoutAHeaderAndExpires() throws Exception {
    MutableClock clock = new MutableClock();
    start(UnaryOperator.identity(), clock);
    User alice = server.registered(server.user("alice"));
    Response issued = server.post(alice, "/v1/stream-tickets", null);
    assertEquals(200, issued.status(), issued.toString());
    assertEquals(30, issued.json().get("expires_in").asInt());
    String ticket = issued.text("ticket");
    SseClient byTicket = open(null, "?since=" + server.head() + "&ticket=" + ticket, Map.of());
    assertEquals(200, byTicket.status(WAIT));
    SseClient again = open(null, "?since=" + server.head() + "&ticket=" + ticket, Map.of());
    assertEquals(401, again.status(WAIT), "single use");
    String late = server.post(alice, "/v1/stream-tickets", null).text("ticket");
    clock.advance(Duration.ofSeconds(31));
    assertEquals(
        401,
        open(null, "?since=" + server.head() + "&ticket=" + late, Map.of()).status(WAIT),
        "expired");
    assertEquals(
        401,
        open(null, "?since=" + server.head(), Map.of()).status(WAIT),
        "neither token nor ticket");
    assertEquals(401, server.send("POST", "/v1/stream-tickets", null, null).status());
  }

  @Test
  void closingTheServerEndsTheStreamCleanly() throws Exception {
    start();
    SseClient sse =
        open(server.registered(server.user("alice")), "?since=" + server.head(), Map.of());
    assertEquals(200, sse.status(WAIT));
    assertTrue(RecordingWait.until(() -> server.core().streams().openCount() == 1, WAIT));
    server.core().close();
    SseClient.Message end = sse.nextEvent(WAIT);
    assertEquals("end", end.event());
    assertEquals("shutdown", Json.mapper().readTree(end.data()).get("reason").asText());
    assertTrue(sse.awaitEnd(WAIT));
  }

  /** Waits on a condition with a deadline. */
  static final class RecordingWait {
    static boolean until(BooleanSupplier condition, Duration wait) throws InterruptedException {
      long deadline = System.nanoTime() + wait.toNanos();
      while (!condition.getAsBoolean()) {
        if (System.nanoTime() > deadline) return false;
        Thread.sleep(2);
      }
      return true;
    }
  }
}
