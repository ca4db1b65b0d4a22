package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.ChatTestSupport.globalRoomOf;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.Await;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The admin API the moderation console needs beyond what Chat V2 had: announcements listed, edited
 * and ended through the message endpoints, an account's ban history, and admins watching a room
 * they are not in over {@code /v1/sync}.
 */
class ConsoleAdminApiTest {
  private final MutableClock clock = new MutableClock();
  private final HttpTestServer api = HttpTestServer.builder().clock(clock).start();
  private final AccountId aliceId = TestIds.account();
  private final AccountId adminId = TestIds.account();
  private final User alice = api.player(aliceId);
  private final User admin = api.admin(adminId);

  @AfterEach
  void stop() {
    api.close();
  }

  private List<String> announcementTexts(Response r) {
    return ChatTestSupport.texts(r.get("announcements"));
  }

  @Test
  void announcementsAreListedEditedAndEndedThroughTheMessageEndpoints() {
    Response sent =
        admin.post("/chat/admin/broadcast", "{\"messages\":[{\"text\":\"maintenance at noon\"}]}");
    String id = sent.get("messages").get(0).get("id").asText();
    Response listed = admin.get("/chat/admin/messages");
    assertEquals(List.of("maintenance at noon"), announcementTexts(listed));
    assertEquals(id, listed.get("announcements").get(0).get("id").asText());

    Response edited =
        admin.put(
            "/chat/admin/messages/update",
            "{\"message\":{\"id\":\"" + id + "\",\"text\":\"maintenance at one\"}}");
    assertEquals(200, edited.status(), edited.toString());
    assertEquals("maintenance at one", edited.get("message").get("text").asText());
    assertFalse(edited.get("message").has("roomId"), "still an announcement");
    assertEquals(List.of("maintenance at one"), announcementTexts(alice.get("/chat/")));
    Response same =
        admin.put(
            "/chat/admin/messages/update",
            "{\"message\":{\"id\":\"" + id + "\",\"text\":\"maintenance at one\"}}");
    assertEquals(400, same.status(), same.toString());

    assertEquals(200, admin.delete("/chat/admin/messages/delete?id=" + id).status());
    assertEquals(
        List.of(),
        announcementTexts(alice.get("/chat/")),
        "an ended announcement reaches no player");
    assertEquals(List.of(), announcementTexts(admin.get("/chat/admin/messages")));
    assertEquals(
        404, admin.delete("/chat/admin/messages/delete?id=" + id).status(), "ended already");
    assertEquals(
        404,
        admin
            .put(
                "/chat/admin/messages/update",
                "{\"message\":{\"id\":\"" + id + "\",\"text\":\"back again\"}}")
            .status(),
        "an ended one stays ended");
  }

  @Test
  void banHistoryKeepsEveryBanNewestFirstAndSaysWhichIsInForce() {
    String account = aliceId.value();
    admin.post(
        "/chat/admin/bans",
        "{\"accountId\":\"" + account + "\",\"duration\":60,\"reason\":\"first\"}");
    clock.advance(Duration.ofSeconds(5));
    admin.post(
        "/chat/admin/bans",
        "{\"accountId\":\"" + account + "\",\"duration\":null,\"reason\":\"second\"}");
    admin.delete("/chat/admin/bans?accountId=" + account);
    clock.advance(Duration.ofSeconds(5));
    admin.post(
        "/chat/admin/bans",
        "{\"accountId\":\"" + account + "\",\"duration\":1800,\"reason\":\"third\"}");

    Response r = admin.get("/chat/admin/bans/history?accountId=" + account);
    assertEquals(200, r.status(), r.toString());
    assertEquals(account, r.text("accountId"));
    JsonNode history = r.get("history");
    assertEquals(
        List.of("third", "second", "first"),
        List.of(
            history.get(0).get("reason").asText(),
            history.get(1).get("reason").asText(),
            history.get(2).get("reason").asText()));
    assertTrue(history.get(0).get("active").asBoolean(), "the stored ban is in force");
    assertFalse(history.get(1).get("active").asBoolean(), "a lifted permanent ban is not");
    assertFalse(
        history.get(2).get("active").asBoolean(),
        "a replaced ban is not, though its end has not come");
    assertTrue(history.get(1).get("until").isNull());
    assertEquals(adminId.value(), history.get(0).get("bannedBy").asText());
    assertEquals(0, r.get("offences").get("count").asInt());
    assertTrue(r.get("offences").get("lastOn").isNull());

    assertEquals(
        List.of(),
        ChatTestSupport.texts(
            admin
                .get("/chat/admin/bans/history?accountId=" + TestIds.account().value())
                .get("history")));
    assertEquals(400, admin.get("/chat/admin/bans/history").status(), "accountId is required");
    assertEquals(
        403,
        api.player(TestIds.account())
            .get("/chat/admin/bans/history?accountId=" + account)
            .status());
  }

  @Test
  void anAdminSyncWithAFilterWatchesARoomItIsNotIn() throws Exception {
    RoomId global = globalRoomOf(alice.get("/chat/"));
    String head = admin.get("/v1/rooms/" + global.value()).text("head");
    Response quiet = admin.get("/v1/sync?timeout=1000&since=" + head);
    assertEquals(0, quiet.get("events").size(), "unfiltered, an admin syncs only its own rooms");

    CompletableFuture<Response> watching =
        CompletableFuture.supplyAsync(
            () -> admin.get("/v1/sync?timeout=20000&since=" + head + "&filter=" + global.value()));
    // parked first: the message must wake it, not be read at once
    Await.until(
        () -> api.core().syncWaiter().heldCount() == 1, () -> "the admin's sync to be held");
    String id = say(alice, global, "hello room");
    Response r = watching.get(20, TimeUnit.SECONDS);
    assertEquals(200, r.status(), r.toString());
    JsonNode event = r.get("events").get(0);
    assertEquals(id, event.get("event_id").asText());
    assertEquals("hello room", event.get("content").get("text").asText());

    Response player =
        alice.get("/v1/sync?timeout=1000&since=" + head + "&filter=" + TestIds.room().value());
    assertEquals(
        0, player.get("events").size(), "a player's filter still only narrows its own rooms");
  }
}
