package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.ChatTestSupport.globalRoomOf;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.say;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /chat/report}. */
class ReportHttpTest {
  private final HttpTestServer api = HttpTestServer.builder().clock(new MutableClock()).start();
  private final AccountId alice = TestIds.account();
  private final AccountId bob = TestIds.account();
  private final AccountId carol = TestIds.account();
  private final User a = api.player(alice);
  private final User b = api.player(bob);
  private final User c = api.player(carol);

  @AfterEach
  void stop() {
    api.close();
  }

  private static String report(String id) {
    return "{\"messageId\":\"" + id + "\"}";
  }

  @Test
  void aReportSnapshotsTwentyFiveMessagesEitherSide() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    b.get("/chat/");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 80; i++) ids.add(say(i % 2 == 0 ? a : b, global, "m" + i));
    String target = ids.get(41); // bob's
    HttpTestServer.Response r = a.post("/chat/report", report(target));
    assertEquals(200, r.status(), r.toString());
    assertTrue(r.get("roomUpdates").isArray());
    JsonNode rep = r.get("report");
    assertEquals(target, rep.get("offendingMessageId").asText());
    assertEquals(alice.value(), rep.get("firstReporterId").asText());
    assertEquals(List.of(alice.value()), List.of(rep.get("reporterIds").get(0).asText()));
    assertEquals(1, rep.get("reportedCount").asInt());
    assertEquals(global.value(), rep.get("roomId").asText());
    assertEquals(100, rep.get("status").asInt());
    assertTrue(rep.get("adminNote").isNull());
    assertEquals(24, rep.get("id").asText().length());
    JsonNode log = rep.get("messageLog");
    assertEquals(51, log.size());
    assertEquals("m16", log.get(0).get("text").asText());
    assertEquals("m41", log.get(25).get("text").asText());
    assertEquals(bob.value(), log.get(25).get("accountId").asText());
    assertEquals("m66", log.get(50).get("text").asText());
  }

  @Test
  void repeatReportsRefreshTheWindowCountEveryCallAndKeepReportersDistinct() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    b.get("/chat/");
    c.get("/chat/");
    String target = say(b, global, "rude");
    JsonNode first = a.post("/chat/report", report(target)).get("report");
    assertEquals(1, first.get("messageLog").size());
    for (int i = 0; i < 30; i++) say(c, global, "after" + i);
    JsonNode second = a.post("/chat/report", report(target)).get("report");
    JsonNode third = c.post("/chat/report", report(target)).get("report");
    assertEquals(first.get("id"), third.get("id"));
    assertEquals(3, third.get("reportedCount").asInt());
    assertEquals(2, third.get("reporterIds").size());
    assertEquals(carol.value(), third.get("reporterIds").get(1).asText());
    assertEquals(26, second.get("messageLog").size());
    assertEquals(26, third.get("messageLog").size(), "never past 25 after the message");
    assertEquals("after24", third.get("messageLog").get(25).get("text").asText());
  }

  @Test
  void onlyVisibleMessagesOfOthersCanBeReported() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    String own = say(a, global, "mine");
    HttpTestServer.Response self = a.post("/chat/report", report(own));
    assertEquals(400, self.status());
    assertTrue(self.get("message").asText().startsWith("messageId"));
    String dm =
        b.post(
                "/chat/dm",
                "{\"players\":[\"" + carol.value() + "\"],\"message\":{\"text\":\"secret\"}}")
            .get("message")
            .get("id")
            .asText();
    assertEquals(404, a.post("/chat/report", report(dm)).status(), "alice is not in that DM");
    assertEquals(200, c.post("/chat/report", report(dm)).status());
    assertEquals(404, a.post("/chat/report", report("65797740214a66de422ac5ee")).status());
    assertEquals(404, a.post("/chat/report", report("000000000000000000fffff0")).status());
    assertEquals(400, a.post("/chat/report", report("nope")).status());
    assertEquals(400, a.post("/chat/report", "{}").status());
  }
}
