package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.testing.Await;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The /v1 core over real HTTP: the walkthrough of docs/api-v1.md, and each rule of SPEC §3. */
class V1ApiTest {
  HttpTestServer server;
  String admin;
  String player;

  @BeforeEach
  void start() {
    server = HttpTestServer.start();
    admin = server.token(true);
    player = server.token(false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String createRoom(String name) {
    HttpTestServer.Response r =
        server.post("/v1/rooms", admin, "{\"name\":\"" + name + "\",\"topic\":\"t\"}");
    assertEquals(201, r.status(), r.raw().body());
    return r.text("room_id");
  }

  private String post(String room, String token, String body) {
    HttpTestServer.Response r = server.post("/v1/rooms/" + room + "/messages", token, body);
    assertEquals(200, r.status(), r.raw().body());
    return r.text("event_id");
  }

  @Test
  void walkthroughCreatePostHistorySync() throws Exception {
    String room = createRoom("lobby");
    JsonNode rooms = server.get("/v1/rooms", player).json().path("rooms");
    assertEquals(1, rooms.size());
    JsonNode listed = rooms.get(0);
    assertEquals(room, listed.path("room_id").asText());
    assertEquals("lobby", listed.path("name").asText());
    assertEquals("channel", listed.path("type").asText());
    String head = listed.path("head").asText();
    assertEquals(24, head.length());

    String id =
        post(
            room,
            player,
            "{\"type\":\"m.plain\",\"content\":{\"text\":\" hello \",\"context\":{\"item\":42}}}");
    JsonNode page = server.get("/v1/rooms/" + room + "/messages?limit=10", player).json();
    assertEquals(1, page.path("chunk").size());
    JsonNode event = page.path("chunk").get(0);
    assertEquals(id, event.path("event_id").asText());
    assertEquals("m.plain", event.path("type").asText());
    assertEquals("hello", event.path("content").path("text").asText());
    assertEquals(42, event.path("content").path("context").path("item").asInt());
    assertTrue(event.path("origin_ts").asLong() > 1_700_000_000_000L);
    assertTrue(page.path("end").isNull());

    JsonNode sync = server.get("/v1/sync?since=" + head + "&timeout=1000", player).json();
    assertEquals(1, sync.path("events").size());
    assertEquals(id, sync.path("events").get(0).path("event_id").asText());
    assertEquals(id, sync.path("next_batch").asText());
    assertFalse(sync.path("limited").asBoolean());
  }

  @Test
  void heldSyncIsAnsweredByAPostFromAnotherUser() throws Exception {
    String room = createRoom("lobby");
    String head = server.get("/v1/rooms/" + room, player).text("head");
    CompletableFuture<HttpTestServer.Response> held =
        server.getAsync("/v1/sync?since=" + head + "&timeout=30s&filter=" + room, player);
    awaitHeld(1);
    String id = post(room, admin, "{\"content\":{\"text\":\"wake\"}}");
    HttpTestServer.Response r = held.get(30, TimeUnit.SECONDS);
    assertEquals(200, r.status());
    assertEquals(id, r.json().path("events").get(0).path("event_id").asText());
  }

  @Test
  void syncTimesOutWithNextBatchAtTheCursor() {
    String room = createRoom("lobby");
    String head = server.get("/v1/rooms/" + room, player).text("head");
    JsonNode r =
        server.get("/v1/sync?since=" + head + "&timeout=10ms", player).json(); // clamped up to 1 s
    assertEquals(0, r.path("events").size());
    assertEquals(head, r.path("next_batch").asText());
    assertFalse(r.path("limited").asBoolean());
  }

  @Test
  void syncParametersAreValidated() {
    assertEquals(400, server.get("/v1/sync", player).status());
    assertEquals(400, server.get("/v1/sync?since=xyz", player).status());
    assertEquals(400, server.get("/v1/sync?since=ffffffffffffffffffffffff", player).status());
    assertEquals(
        400, server.get("/v1/sync?since=000000000000000000000000&timeout=soon", player).status());
    assertEquals(
        400, server.get("/v1/sync?since=000000000000000000000000&timeout=-5", player).status());
    assertEquals(
        400, server.get("/v1/sync?since=000000000000000000000000&filter=nope", player).status());
    assertEquals(
        200, server.get("/v1/sync?since=000000000000000000000000&timeout=1s", player).status());
  }

  @Test
  void clientThatDisconnectsReleasesItsHeldSync() throws Exception {
    createRoom("lobby");
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /v1/sync?since=000000000000000000000001&timeout=60000 HTTP/1.1\r\nHost: x\r\n"
                  + "Authorization: Bearer "
                  + player
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      awaitHeld(1);
    }
    awaitHeld(0);
  }

  @Test
  void keepAliveConnectionServesRequestsAfterAHeldSync() throws Exception {
    createRoom("lobby");
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      String sync =
          "GET /v1/sync?since=000000000000000000000001&timeout=1000 HTTP/1.1\r\nHost: x\r\n"
              + "Authorization: Bearer "
              + player
              + "\r\n\r\n";
      String health = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
      out.write(sync.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertTrue(readResponse(in).contains("\"next_batch\""));
      out.write(health.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertTrue(readResponse(in).contains("\"ok\""));
      // a request pipelined behind a held sync is answered after it, in order
      out.write((sync + health).getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertTrue(readResponse(in).contains("\"next_batch\""));
      assertTrue(readResponse(in).contains("\"ok\""));
    }
  }

  /** Reads one HTTP/1.1 response with a Content-Length body. */
  private static String readResponse(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) throw new EOFException(head.toString());
      head.append((char) c);
    }
    Matcher m = Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
    int length = m.find() ? Integer.parseInt(m.group(1)) : 0;
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  @Test
  void retriedTxnIdReturnsTheSameEventAndStoresNothing() {
    String room = createRoom("lobby");
    String body = "{\"content\":{\"text\":\"once\"},\"txn_id\":\"abc-1\"}";
    String first = post(room, player, body);
    String again = post(room, player, body);
    assertEquals(first, again);
    assertEquals(
        1, server.get("/v1/rooms/" + room + "/messages", player).json().path("chunk").size());
  }

  @Test
  void messageBodiesAreValidatedFieldByField() {
    String room = createRoom("lobby");
    String path = "/v1/rooms/" + room + "/messages";
    List<String> bad =
        List.of(
            "{}",
            "{\"content\":\"text\"}",
            "{\"content\":{\"text\":5}}",
            "{\"content\":{\"text\":\"  \"}}",
            "{\"content\":{\"text\":\"\",\"context\":{}}}",
            "{\"content\":{\"text\":\"x\",\"context\":[1]}}",
            "{\"type\":\"m.image\",\"content\":{\"text\":\"x\"}}",
            "{\"content\":{\"text\":\"x\"},\"txn_id\":\"\"}",
            "{\"content\":{\"text\":\"" + "y".repeat(4001) + "\"}}");
    for (String body : bad) {
      HttpTestServer.Response r = server.post(path, player, body);
      assertEquals(400, r.status(), body + " -> " + r.raw().body());
      assertEquals("bad_request", r.text("error"));
    }
    assertEquals(
        200,
        server
            .post(path, player, "{\"content\":{\"text\":\"\",\"context\":{\"emoji\":\"wave\"}}}")
            .status());
    assertEquals(
        404,
        server
            .post(
                "/v1/rooms/ffffffffffffffffffffffff/messages",
                player,
                "{\"content\":{\"text\":\"x\"}}")
            .status());
    assertEquals(
        400,
        server.post("/v1/rooms/nope/messages", player, "{\"content\":{\"text\":\"x\"}}").status());
  }

  @Test
  void historyPagesWithStartAndEndTokens() {
    String room = createRoom("lobby");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++)
      ids.add(post(room, player, "{\"content\":{\"text\":\"m" + i + "\"}}"));
    JsonNode first = server.get("/v1/rooms/" + room + "/messages?dir=b&limit=2", player).json();
    assertEquals(ids.get(4), first.path("chunk").get(0).path("event_id").asText());
    assertEquals(ids.get(4), first.path("start").asText());
    assertEquals(ids.get(3), first.path("end").asText());
    JsonNode forward =
        server
            .get("/v1/rooms/" + room + "/messages?dir=f&from=" + ids.get(2) + "&limit=5", player)
            .json();
    assertEquals(2, forward.path("chunk").size());
    assertEquals(ids.get(2), forward.path("start").asText());
    assertTrue(forward.path("end").isNull());
    assertEquals(400, server.get("/v1/rooms/" + room + "/messages?dir=sideways", player).status());
    assertEquals(400, server.get("/v1/rooms/" + room + "/messages?limit=abc", player).status());
    assertEquals(400, server.get("/v1/rooms/" + room + "/messages?limit=0", player).status());
  }

  @Test
  void historyFromAnIdPastTheNewestEventIsAnOrdinaryPage() {
    String room = createRoom("lobby");
    String only = post(room, player, "{\"content\":{\"text\":\"m\"}}");
    String future = "00000000000000000000ffff";
    JsonNode back =
        server.get("/v1/rooms/" + room + "/messages?dir=b&from=" + future, player).json();
    assertEquals(only, back.path("chunk").get(0).path("event_id").asText(), back.toString());
    assertEquals(future, back.path("start").asText());
    assertTrue(back.path("end").isNull());
    HttpTestServer.Response forward =
        server.get("/v1/rooms/" + room + "/messages?dir=f&from=" + future, player);
    assertEquals(200, forward.status(), forward.toString());
    assertEquals(0, forward.json().path("chunk").size());
    assertTrue(forward.json().path("end").isNull());
  }

  @Test
  void adminDeletesARoomAndItAnswers404Afterwards() {
    String room = createRoom("doomed");
    assertEquals(403, server.delete("/v1/rooms/" + room, player).status());
    assertEquals(200, server.delete("/v1/rooms/" + room, admin).status());
    assertEquals(404, server.get("/v1/rooms/" + room, player).status());
    assertEquals(404, server.delete("/v1/rooms/" + room, admin).status());
  }

  @Test
  void invitesAreCreatedListedRedeemedAndRevoked() {
    HttpTestServer.Response created =
        server.post("/v1/invites", admin, "{\"uses\":1,\"expires_in_s\":3600}");
    assertEquals(201, created.status());
    String code = created.text("code");
    assertEquals(1, created.json().path("uses_left").asInt());
    assertTrue(created.json().path("expires_at").asLong() > System.currentTimeMillis());
    assertEquals(1, server.get("/v1/invites", admin).json().path("invites").size());

    HttpTestServer.Response redeemed =
        server.post(
            "/v1/invites/redeem", null, "{\"code\":\"" + code + "\",\"display_name\":\"Newbie\"}");
    assertEquals(200, redeemed.status());
    String token = redeemed.text("access_token");
    assertTrue(redeemed.json().path("expires_in").asLong() > 0);
    JsonNode me = server.get("/v1/me", token).json();
    assertEquals(redeemed.text("user_id"), me.path("user_id").asText());
    assertEquals("Newbie", me.path("display_name").asText());
    assertFalse(me.path("admin").asBoolean());

    HttpTestServer.Response reused =
        server.post(
            "/v1/invites/redeem", null, "{\"code\":\"" + code + "\",\"display_name\":\"Two\"}");
    HttpTestServer.Response unknown =
        server.post("/v1/invites/redeem", null, "{\"code\":\"0000\",\"display_name\":\"Two\"}");
    assertEquals(400, reused.status());
    assertEquals(
        reused.raw().body(), unknown.raw().body(), "used and unknown codes get the same body");

    String revoked = server.post("/v1/invites", admin, "{}").text("code");
    assertEquals(200, server.delete("/v1/invites/" + revoked, admin).status());
    assertEquals(
        reused.raw().body(),
        server
            .post(
                "/v1/invites/redeem", null, "{\"code\":\"" + revoked + "\",\"display_name\":\"x\"}")
            .raw()
            .body());
    assertEquals(400, server.post("/v1/invites", admin, "{\"uses\":0}").status());
    assertEquals(400, server.post("/v1/invites", admin, "{\"uses\":\"many\"}").status());
  }

  @Test
  void firstAdminInviteCreatesAnAdmin() {
    Invite invite = server.core().bootstrapAdmin().adminInvite().orElseThrow();
    HttpTestServer.Response r =
        server.post(
            "/v1/invites/redeem",
            null,
            "{\"code\":\"" + invite.code() + "\",\"display_name\":\"root\"}");
    assertTrue(server.get("/v1/me", r.text("access_token")).json().path("admin").asBoolean());
    assertEquals(
        201, server.post("/v1/rooms", r.text("access_token"), "{\"name\":\"by root\"}").status());
  }

  private void awaitHeld(int n) {
    Await.until(
        () -> server.core().syncWaiter().heldCount() == n,
        () -> n + " held syncs (have " + server.core().syncWaiter().heldCount() + ")");
  }
}
