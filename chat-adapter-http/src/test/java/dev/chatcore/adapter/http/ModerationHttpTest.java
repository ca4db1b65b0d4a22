package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.testing.TestIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Bans (401 banned on every authenticated endpoint) and the rate limit (418) over HTTP. */
class ModerationHttpTest {
  HttpTestServer server;

  @AfterEach
  void stop() {
    if (server != null) server.close();
  }

  @Test
  void bannedAccountGets401BannedWithUntilAndReason() {
    server = HttpTestServer.start();
    String admin = server.token(true);
    AccountId id = TestIds.account();
    String player = server.token(id, "p", false);
    assertEquals(200, server.get("/v1/rooms", player).status());

    HttpTestServer.Response banned =
        server.post(
            "/chat/admin/bans",
            admin,
            "{\"accountId\":\"" + id + "\",\"duration\":600,\"reason\":\"spamming links\"}");
    assertEquals(200, banned.status(), banned.raw().body());
    JsonNode ban = banned.json().path("ban");
    assertEquals(id.value(), ban.path("accountId").asText());
    assertEquals("spamming links", ban.path("reason").asText());
    assertEquals(false, ban.path("automatic").asBoolean());
    long until = ban.path("until").asLong();
    assertTrue(until > System.currentTimeMillis() / 1000);

    for (String path :
        new String[] {"/v1/rooms", "/v1/me", "/v1/sync?since=000000000000000000000000"}) {
      HttpTestServer.Response r = server.get(path, player);
      assertEquals(401, r.status(), path);
      assertEquals("banned", r.text("error"));
      assertEquals("spamming links", r.text("reason"));
      assertEquals(until, r.json().path("until").asLong());
    }
    JsonNode list = server.get("/chat/admin/bans?page=0", admin).json();
    assertEquals(1, list.path("bans").size());
    assertEquals(10, list.path("bansPerPage").asInt());
    assertEquals(0, list.path("remainingBanCount").asInt());

    assertEquals(200, server.delete("/chat/admin/bans?accountId=" + id, admin).status());
    assertEquals(200, server.get("/v1/rooms", player).status());
  }

  @Test
  void permanentBanHasNullUntil() {
    server = HttpTestServer.start();
    String admin = server.token(true);
    AccountId id = TestIds.account();
    server.post(
        "/chat/admin/bans",
        admin,
        "{\"accountId\":\"" + id + "\",\"duration\":null,\"reason\":\"cheating\"}");
    HttpTestServer.Response r = server.get("/v1/me", server.token(id, "p", false));
    assertEquals(401, r.status());
    assertTrue(r.json().has("until") && r.json().path("until").isNull(), r.raw().body());
  }

  @Test
  void banEndpointsAreAdminOnlyAndValidated() {
    server = HttpTestServer.start();
    String player = server.token(false);
    String admin = server.token(true);
    assertEquals(
        403,
        server
            .post("/chat/admin/bans", player, "{\"accountId\":\"" + TestIds.account() + "\"}")
            .status());
    assertEquals(403, server.get("/chat/admin/bans", player).status());
    assertEquals(
        403, server.delete("/chat/admin/bans?accountId=" + TestIds.account(), player).status());
    assertEquals(400, server.post("/chat/admin/bans", admin, "{\"accountId\":\"nope\"}").status());
    assertEquals(
        400,
        server
            .post(
                "/chat/admin/bans",
                admin,
                "{\"accountId\":\"" + TestIds.account() + "\",\"duration\":0}")
            .status());
    assertEquals(
        400,
        server
            .post(
                "/chat/admin/bans",
                admin,
                "{\"accountId\":\"" + TestIds.account() + "\",\"duration\":\"1h\"}")
            .status());
    assertEquals(400, server.delete("/chat/admin/bans", admin).status());
    assertEquals(
        404, server.delete("/chat/admin/bans?accountId=" + TestIds.account(), admin).status());
  }

  @Test
  void overTheRateLimitIs418WithRetryAfterAndNoSideEffect() {
    server = HttpTestServer.builder().limits(Limits.defaults()).start(); // 20/s, burst 40
    String admin = server.token(true);
    String room = server.post("/v1/rooms", admin, "{\"name\":\"lobby\"}").text("room_id");
    String player = server.token(false);
    int accepted = 0;
    HttpTestServer.Response refused = null;
    for (int i = 0; i < 60 && refused == null; i++) {
      HttpTestServer.Response r =
          server.post(
              "/v1/rooms/" + room + "/messages", player, "{\"content\":{\"text\":\"n" + i + "\"}}");
      if (r.status() == 200) accepted++;
      else refused = r;
    }
    assertTrue(refused != null, "the limit was reached");
    assertEquals(418, refused.status());
    assertEquals("rate_limited", refused.text("error"));
    long retryAfter =
        Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 5, "Retry-After " + retryAfter);
    int stored =
        server.get("/v1/rooms/" + room + "/messages?limit=100", admin).json().path("chunk").size();
    assertEquals(accepted, stored, "refused posts stored nothing");
    // sync is not counted, and admins are not limited
    assertEquals(401, server.get("/v1/sync?since=000000000000000000000000", "x").status());
    assertEquals(418, server.get("/v1/rooms", player).status());
    assertEquals(
        200, server.get("/v1/sync?since=000000000000000000000000&timeout=1000", player).status());
    for (int i = 0; i < 60; i++) assertEquals(200, server.get("/v1/rooms", admin).status());
  }
}
