package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.ChatTestSupport.globalRoomOf;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.privateRoom;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code /chat/admin/broadcast} and {@code /chat/admin/reports[...]} on a real server. */
class AdminHttpTest {
  private final MutableClock clock = new MutableClock();
  private final HttpTestServer api = HttpTestServer.builder().clock(clock).start();
  private final AccountId alice = TestIds.account();
  private final AccountId bob = TestIds.account();
  private final AccountId adminId = TestIds.account();
  private final User a = api.player(alice);
  private final User b = api.player(bob);
  private final User admin = api.admin(adminId);

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aPlayerTokenGets403OnEveryAdminEndpoint() {
    String someId = TestIds.account().value();
    List<String[]> calls =
        List.of(
            new String[] {"POST", "/chat/admin/broadcast", "{\"messages\":[{\"text\":\"hi\"}]}"},
            new String[] {"POST", "/chat/admin/broadcast", "{\"not\":\"even valid\"}"},
            new String[] {"GET", "/chat/admin/reports", null},
            new String[] {"GET", "/chat/admin/reports?reportId=" + someId, null},
            new String[] {
              "PATCH",
              "/chat/admin/reports/update",
              "{\"reportId\":\"" + someId + "\",\"status\":50}"
            },
            new String[] {
              "POST",
              "/chat/admin/bans",
              "{\"accountId\":\"" + someId + "\",\"duration\":60,\"reason\":\"x\"}"
            },
            new String[] {"GET", "/chat/admin/bans", null},
            new String[] {"DELETE", "/chat/admin/bans?accountId=" + someId, null},
            new String[] {"GET", "/chat/admin/messages", null},
            new String[] {"GET", "/chat/admin/messages/search?term=x", null},
            new String[] {"DELETE", "/chat/admin/messages/delete?id=" + someId, null},
            new String[] {
              "PUT",
              "/chat/admin/messages/update",
              "{\"message\":{\"id\":\"" + someId + "\",\"text\":\"x\"}}"
            },
            new String[] {"GET", "/chat/admin/rooms", null},
            new String[] {"POST", "/chat/admin/rooms/new", "{\"accountIds\":[\"" + someId + "\"]}"},
            new String[] {
              "PATCH",
              "/chat/admin/rooms/update",
              "{\"roomId\":\"" + someId + "\",\"accountIds\":[]}"
            });
    for (String[] call : calls) {
      Response r = a.send(call[0], call[1], call[2]);
      assertEquals(403, r.status(), call[0] + " " + call[1] + " -> " + r);
      assertEquals("forbidden", r.error());
      assertNull(r.get("roomUpdates"), "error bodies carry no unread data");
    }
  }

  @Test
  void roomBroadcastsAndAnnouncementsReachPlayersOnBothApis() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    long now = clock.instant().getEpochSecond();
    Response r =
        admin.post(
            "/chat/admin/broadcast",
            "{\"messages\":[{\"roomId\":\""
                + global.value()
                + "\",\"text\":\"double xp tonight\",\"context\":{\"event\":7}},{\"text\":\"maintenance at noon\"}]}");
    assertEquals(200, r.status(), r.toString());
    assertNull(r.get("roomUpdates"), "admin responses carry no unread keys");
    assertNull(r.get("announcements"));
    JsonNode room = r.get("messages").get(0);
    assertEquals(global.value(), room.get("roomId").asText());
    assertEquals(adminId.value(), room.get("accountId").asText());
    assertEquals(7, room.get("context").get("event").asInt());
    assertEquals(now + Duration.ofDays(14).toSeconds(), room.get("expiration").asLong());
    JsonNode news = r.get("messages").get(1);
    assertFalse(news.has("roomId"), "an announcement has no room");
    assertEquals(24, news.get("id").asText().length());

    Response seen = a.get("/chat/?lastRead=" + (now - 1));
    assertEquals(List.of("double xp tonight"), ChatTestSupport.unreadTexts(seen, global));
    assertEquals("maintenance at noon", seen.get("announcements").get(0).get("text").asText());
    assertEquals(
        news.get("expiration").asLong(),
        seen.get("announcements").get(0).get("expiration").asLong());
    Response history = a.get("/v1/rooms/" + global.value() + "/messages");
    assertEquals(200, history.status(), history.toString());
    assertEquals(List.of("double xp tonight"), ChatTestSupport.v1Texts(history.get("chunk")));
  }

  @Test
  void channelBroadcastsGoToTheAccountsMatchingRooms() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    RoomId guild = privateRoom(api, Optional.empty(), alice, bob);
    Response r =
        admin.post(
            "/chat/admin/broadcast",
            "{\"messages\":[{\"channel\":255,\"accountId\":\""
                + alice.value()
                + "\",\"text\":\"guild war\"}],\"expiration\":"
                + (clock.instant().getEpochSecond() + 600)
                + "}");
    assertEquals(200, r.status(), r.toString());
    assertEquals(2, r.get("messages").size());
    Response seen = b.get("/chat/");
    assertEquals(List.of("guild war"), ChatTestSupport.unreadTexts(seen, guild));
    assertTrue(ChatTestSupport.unreadTexts(a.get("/chat/"), global).contains("guild war"));
  }

  @Test
  void adminsFixAnAnnouncementsTypoWithTheMessageUpdateRoute() {
    Response posted =
        admin.post("/chat/admin/broadcast", "{\"messages\":[{\"text\":\"maintenence at noon\"}]}");
    String id = posted.get("messages").get(0).get("id").asText();
    long expiration = clock.instant().getEpochSecond() + 7200;
    Response edited =
        admin.put(
            "/chat/admin/messages/update",
            "{\"message\":{\"id\":\""
                + id
                + "\",\"text\":\"maintenance at noon\",\"context\":{\"level\":2},\"expiration\":"
                + expiration
                + "}}");
    assertEquals(200, edited.status(), edited.toString());
    JsonNode message = edited.get("message");
    assertEquals(id, message.get("id").asText());
    assertEquals("maintenance at noon", message.get("text").asText());
    assertEquals(expiration, message.get("expiration").asLong());
    assertFalse(message.has("roomId"), "still an announcement");
    assertEquals(adminId.value(), message.get("editorId").asText());
    JsonNode seen = a.get("/chat/").get("announcements");
    assertEquals(1, seen.size());
    assertEquals("maintenance at noon", seen.get(0).get("text").asText());
    assertEquals(2, seen.get(0).get("context").get("level").asInt());
    assertEquals(
        400,
        admin
            .put(
                "/chat/admin/messages/update",
                "{\"message\":{\"id\":\"" + id + "\",\"text\":\"maintenance at noon\"}}")
            .status(),
        "an edit that changes nothing");
  }

  @Test
  void adminTimesThatWouldOverflowAre400sNamingTheField() {
    long huge = 100_000_000_000_000_000L; // 10^17
    String said = say(a, globalRoomOf(a.get("/chat/")), "typo");
    String[][] cases = {
      {
        "POST",
        "/chat/admin/bans",
        "{\"accountId\":\"" + bob.value() + "\",\"duration\":" + huge + "}",
        "duration"
      },
      {
        "POST",
        "/chat/admin/broadcast",
        "{\"messages\":[{\"text\":\"x\"}],\"expiration\":" + huge + "}",
        "expiration"
      },
      {
        "POST",
        "/chat/admin/broadcast",
        "{\"messages\":[{\"text\":\"x\"}],\"expiration\":" + Long.MAX_VALUE + "}",
        "expiration"
      },
      {
        "PUT",
        "/chat/admin/messages/update",
        "{\"message\":{\"id\":\"" + said + "\",\"expiration\":" + huge + "}}",
        "message.expiration"
      },
      {
        "PUT",
        "/chat/admin/messages/update",
        "{\"message\":{\"id\":\""
            + said
            + "\",\"expiration\":"
            + (clock.instant().getEpochSecond() + 200L * 365 * 24 * 3600)
            + "}}",
        "message.expiration"
      },
    };
    for (String[] c : cases) {
      Response r = admin.send(c[0], c[1], c[2]);
      assertEquals(400, r.status(), c[2] + " -> " + r);
      assertTrue(r.text("message").startsWith(c[3] + " "), c[2] + " -> " + r);
    }
  }

  @Test
  void badBroadcastsAre400sNamingTheField() {
    long now = clock.instant().getEpochSecond();
    String[][] cases = {
      {"{}", "messages"},
      {"{\"messages\":{}}", "messages"},
      {"{\"messages\":[5]}", "messages[0]"},
      {"{\"messages\":[{\"text\":5}]}", "messages[0].text"},
      {"{\"messages\":[{\"text\":\"x\",\"type\":20}]}", "messages[0].type"},
      {"{\"messages\":[{\"text\":\"x\",\"channel\":\"all\"}]}", "messages[0].channel"},
      {"{\"messages\":[{\"text\":\"x\",\"channel\":2}]}", "messages[0].accountId"},
      {"{\"messages\":[{\"text\":\"x\",\"roomId\":\"nope\"}]}", "messages[0].roomId"},
      {"{\"messages\":[{\"text\":\"  \"}]}", "messages[0].text"},
      {"{\"messages\":[{\"text\":\"x\"}],\"expiration\":" + now + "}", "expiration"},
      {
        "{\"messages\":[{\"text\":\"x\",\"channel\":2,\"accountId\":\"" + bob.value() + "\"}]}",
        "messages"
      },
    };
    for (String[] c : cases) {
      Response r = admin.post("/chat/admin/broadcast", c[0]);
      assertEquals(400, r.status(), c[0] + " -> " + r);
      assertEquals("bad_request", r.error());
      assertTrue(r.text("message").contains(c[1]), c[0] + " -> " + r);
    }
    Response unknownRoom =
        admin.post(
            "/chat/admin/broadcast",
            "{\"messages\":[{\"text\":\"x\",\"roomId\":\"" + TestIds.room().value() + "\"}]}");
    assertEquals(404, unknownRoom.status(), unknownRoom.toString());
    assertEquals(List.of(), api.storage().announcements().active(clock.instant()));
  }

  @Test
  void adminsListAndReviewReports() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    b.get("/chat/");
    String rude = say(b, global, "rude");
    Response filed = a.post("/chat/report", "{\"messageId\":\"" + rude + "\"}");
    assertEquals(200, filed.status(), filed.toString());
    String reportId = filed.get("report").get("id").asText();

    Response list = admin.get("/chat/admin/reports");
    assertEquals(200, list.status(), list.toString());
    assertNull(list.get("roomUpdates"));
    assertEquals(0, list.get("page").asInt());
    assertEquals(10, list.get("reportsPerPage").asInt());
    assertEquals(0, list.get("remainingReportCount").asInt());
    JsonNode report = list.get("reports").get(0);
    assertEquals(reportId, report.get("id").asText());
    assertEquals(100, report.get("status").asInt());
    assertTrue(report.get("reviewerId").isNull());
    assertEquals(
        1, admin.get("/chat/admin/reports?accountId=" + bob.value()).get("reports").size());
    assertEquals(
        0,
        admin
            .get("/chat/admin/reports?accountId=" + TestIds.account().value())
            .get("reports")
            .size());
    assertEquals(1, admin.get("/chat/admin/reports?reportId=" + reportId).get("reports").size());

    Response updated =
        admin.patch(
            "/chat/admin/reports/update",
            "{\"reportId\":\"" + reportId + "\",\"status\":10,\"adminNote\":\"second strike\"}");
    assertEquals(200, updated.status(), updated.toString());
    assertEquals(10, updated.get("report").get("status").asInt());
    assertEquals("second strike", updated.get("report").get("adminNote").asText());
    assertEquals(adminId.value(), updated.get("report").get("reviewerId").asText());
    assertEquals(filed.get("report").get("messageLog"), updated.get("report").get("messageLog"));

    Response badStatus =
        admin.patch(
            "/chat/admin/reports/update", "{\"reportId\":\"" + reportId + "\",\"status\":7}");
    assertEquals(400, badStatus.status(), badStatus.toString());
    assertTrue(badStatus.text("message").contains("status"));
    Response content =
        admin.patch(
            "/chat/admin/reports/update", "{\"reportId\":\"" + reportId + "\",\"messageLog\":[]}");
    assertEquals(400, content.status(), "content is immutable: " + content);
    Response unknown =
        admin.patch(
            "/chat/admin/reports/update",
            "{\"reportId\":\"" + TestIds.account().value() + "\",\"status\":50}");
    assertEquals(404, unknown.status(), unknown.toString());
    Response badPage = admin.get("/chat/admin/reports?page=-1");
    assertEquals(400, badPage.status(), badPage.toString());
  }

  @Test
  void sentMessagesShowTheirExpirationByRoomType() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    Response r = a.post("/chat/message", ChatTestSupport.messageBody(global, "hi"));
    JsonNode m = r.get("message");
    assertEquals(
        m.get("createdOn").asLong() + Duration.ofDays(14).toSeconds(),
        m.get("expiration").asLong());
    Response dm =
        a.post("/chat/dm", "{\"players\":[\"" + bob.value() + "\"],\"message\":{\"text\":\"yo\"}}");
    JsonNode d = dm.get("message");
    long monthLater = clock.instant().atOffset(ZoneOffset.UTC).plusMonths(1).toEpochSecond();
    assertEquals(monthLater, d.get("expiration").asLong());
  }

  @Test
  void adminsCreateUpdateListAndDeletePrivateRooms() {
    Response created =
        admin.post(
            "/chat/admin/rooms/new",
            "{\"accountIds\":[\""
                + alice.value()
                + "\",\""
                + bob.value()
                + "\"],\"data\":{\"guild\":\"wolves\"}}");
    assertEquals(200, created.status(), created.toString());
    assertNull(created.get("roomUpdates"));
    JsonNode room = created.get("room");
    assertEquals("Private", room.get("type").asText());
    assertEquals(2, room.get("channel").asInt());
    assertEquals("wolves", room.get("data").get("guild").asText());
    assertEquals(2, room.get("members").size());
    String id = room.get("id").asText();
    Response seen = a.get("/chat/?detailed=true");
    assertTrue(
        ChatTestSupport.roomUpdate(seen, new RoomId(id)) != null, "members get it in roomUpdates");

    Response updated =
        admin.patch(
            "/chat/admin/rooms/update",
            "{\"roomId\":\"" + id + "\",\"accountIds\":[\"" + bob.value() + "\"]}");
    assertEquals(200, updated.status(), updated.toString());
    assertEquals(List.of(bob.value()), List.of(updated.get("room").get("members").get(0).asText()));
    assertEquals(1, updated.get("room").get("members").size());
    assertEquals(
        "wolves",
        updated.get("room").get("data").get("guild").asText(),
        "data kept when not given");
    assertTrue(ChatTestSupport.roomUpdate(a.get("/chat/"), new RoomId(id)) == null, "alice is out");

    Response listed = admin.get("/chat/admin/rooms?accountId=" + bob.value());
    assertEquals(200, listed.status(), listed.toString());
    assertEquals(id, listed.get("rooms").get(0).get("id").asText());
    assertEquals(10, listed.get("roomsPerPage").asInt());
    assertEquals(0, listed.get("remainingRoomCount").asInt());
    assertEquals(1, admin.get("/chat/admin/rooms?roomId=" + id).get("rooms").size());

    ChatTestSupport.say(b, new RoomId(id), "last words");
    Response deleted =
        admin.patch("/chat/admin/rooms/update", "{\"roomId\":\"" + id + "\",\"accountIds\":[]}");
    assertEquals(200, deleted.status(), deleted.toString());
    assertEquals(1, deleted.get("messagesDeleted").asInt());
    assertEquals(0, admin.get("/chat/admin/rooms?roomId=" + id).get("rooms").size());
    Response again =
        admin.patch("/chat/admin/rooms/update", "{\"roomId\":\"" + id + "\",\"accountIds\":[]}");
    assertEquals(404, again.status(), again.toString());
  }

  @Test
  void badRoomRequestsAre400sNamingTheField() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    String[][] cases = {
      {"POST", "/chat/admin/rooms/new", "{}", "accountIds"},
      {"POST", "/chat/admin/rooms/new", "{\"accountIds\":[]}", "accountIds"},
      {"POST", "/chat/admin/rooms/new", "{\"accountIds\":[\"zz\"]}", "accountIds"},
      {
        "POST",
        "/chat/admin/rooms/new",
        "{\"accountIds\":[\"" + alice.value() + "\"],\"channel\":300}",
        "channel"
      },
      {
        "POST",
        "/chat/admin/rooms/new",
        "{\"accountIds\":[\"" + alice.value() + "\"],\"data\":[1]}",
        "data"
      },
      {
        "POST",
        "/chat/admin/rooms/new",
        "{\"accountIds\":[\"" + alice.value() + "\"],\"type\":\"Global\"}",
        "type"
      },
      {"PATCH", "/chat/admin/rooms/update", "{\"accountIds\":[]}", "roomId"},
      {
        "PATCH", "/chat/admin/rooms/update", "{\"roomId\":\"" + global.value() + "\"}", "accountIds"
      },
      {
        "PATCH",
        "/chat/admin/rooms/update",
        "{\"roomId\":\"" + global.value() + "\",\"accountIds\":[]}",
        "roomId"
      },
      {"GET", "/chat/admin/rooms?page=-2", null, "page"},
      {"GET", "/chat/admin/rooms?accountId=x", null, "accountId"},
    };
    for (String[] c : cases) {
      Response r = admin.send(c[0], c[1], c[2]);
      assertEquals(400, r.status(), c[1] + " " + c[2] + " -> " + r);
      assertTrue(r.text("message").contains(c[3]), c[1] + " " + c[2] + " -> " + r);
    }
  }

  @Test
  void adminsListSearchAndDeleteMessages() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    b.get("/chat/");
    String bad = say(b, global, "Buy GOLD at example.com");
    say(a, global, "hello");
    Response hacked =
        a.post("/chat/message", ChatTestSupport.messageBody(TestIds.room(), "sneaky"));
    assertEquals(200, hacked.status(), hacked.toString());

    Response list = admin.get("/chat/admin/messages?accountId=" + bob.value());
    assertEquals(200, list.status(), list.toString());
    assertNull(list.get("roomUpdates"));
    assertEquals(1, list.get("messages").size());
    JsonNode m = list.get("messages").get(0);
    assertEquals(bad, m.get("id").asText());
    assertEquals(global.value(), m.get("roomId").asText());
    assertTrue(m.has("expiration"));
    assertEquals(100, list.get("messagesPerPage").asInt());
    assertEquals(0, list.get("remainingMessageCount").asInt());
    Response all = admin.get("/chat/admin/messages");
    assertEquals(2, all.get("messages").size());
    assertEquals("sneaky", all.get("hackedMessages").get(0).get("text").asText());
    assertTrue(all.get("hackedMessages").get(0).get("hacked").asBoolean());

    Response found = admin.get("/chat/admin/messages/search?term=gold");
    assertEquals(200, found.status(), found.toString());
    assertEquals(List.of(bad), List.of(found.get("messages").get(0).get("id").asText()));
    assertEquals(0, admin.get("/chat/admin/messages/search?term=.*").get("messages").size());
    assertEquals(400, admin.get("/chat/admin/messages/search").status());

    Response deleted = admin.delete("/chat/admin/messages/delete?id=" + bad);
    assertEquals(200, deleted.status(), deleted.toString());
    assertEquals(
        List.of("hello"),
        ChatTestSupport.v1Texts(a.get("/v1/rooms/" + global.value() + "/messages").get("chunk")));
    Response sync = a.get("/v1/sync?since=000000000000000000000000&timeout=1000");
    JsonNode redaction = null;
    for (JsonNode e : sync.get("events"))
      if (e.get("type").asText().equals("m.redaction")) redaction = e;
    assertTrue(redaction != null, sync.toString());
    assertEquals(bad, redaction.get("content").get("redacts").asText());
    assertEquals(404, admin.delete("/chat/admin/messages/delete?id=" + bad).status());
    assertEquals(400, admin.delete("/chat/admin/messages/delete?id=zz").status());
  }

  @Test
  void anAdminEditReachesPlayersAsUnreadAndV1AsMEdit() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    b.get("/chat/");
    String id = say(b, global, "teh typo");
    clock.advance(Duration.ofMinutes(5));
    long lastRead = clock.instant().getEpochSecond();
    clock.advance(Duration.ofMinutes(1));
    Response edited =
        admin.send(
            "PUT",
            "/chat/admin/messages/update",
            "{\"message\":{\"id\":\""
                + id
                + "\",\"text\":\"the typo\",\"context\":{\"fixed\":true}}}");
    assertEquals(200, edited.status(), edited.toString());
    JsonNode m = edited.get("message");
    assertEquals("the typo", m.get("text").asText());
    assertEquals(bob.value(), m.get("accountId").asText(), "the author stays");
    assertEquals(clock.instant().getEpochSecond(), m.get("updatedOn").asLong());
    assertEquals(adminId.value(), m.get("editorId").asText());

    Response seen = a.get("/chat/?lastRead=" + lastRead);
    JsonNode unread = ChatTestSupport.roomUpdate(seen, global).get("unread");
    assertEquals(1, unread.size(), seen.toString());
    assertEquals("the typo", unread.get(0).get("text").asText());
    assertEquals(m.get("updatedOn").asLong(), unread.get(0).get("updatedOn").asLong());

    Response sync = a.get("/v1/sync?since=000000000000000000000000&timeout=1000");
    JsonNode edit = null;
    for (JsonNode e : sync.get("events")) if (e.get("type").asText().equals("m.edit")) edit = e;
    assertTrue(edit != null, sync.toString());
    assertEquals(id, edit.get("content").get("edits").asText());
    assertEquals("the typo", edit.get("content").get("text").asText());
    assertTrue(edit.get("content").get("context").get("fixed").asBoolean());

    Response same =
        admin.send(
            "PUT",
            "/chat/admin/messages/update",
            "{\"message\":{\"id\":\"" + id + "\",\"text\":\"the typo\"}}");
    assertEquals(400, same.status(), "nothing changes: " + same);
    Response type =
        admin.send(
            "PUT",
            "/chat/admin/messages/update",
            "{\"message\":{\"id\":\"" + id + "\",\"type\":1000}}");
    assertEquals(400, type.status(), type.toString());
    assertTrue(type.text("message").contains("message.type"));
    Response author =
        admin.send(
            "PUT",
            "/chat/admin/messages/update",
            "{\"message\":{\"id\":\"" + id + "\",\"accountId\":\"" + alice.value() + "\"}}");
    assertEquals(400, author.status(), author.toString());
    Response unknown =
        admin.send(
            "PUT",
            "/chat/admin/messages/update",
            "{\"message\":{\"id\":\"00000000000000000000ffff\",\"text\":\"x\"}}");
    assertEquals(404, unknown.status(), unknown.toString());
  }
}
