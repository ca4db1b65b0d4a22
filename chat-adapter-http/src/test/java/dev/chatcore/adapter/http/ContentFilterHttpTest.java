package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.FilterVerdict;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The content filter over both APIs: 400 {@code rejected} with the reason in the one error shape,
 * masked text on the wire, a flagged message's automatic report in the admins' queue.
 */
class ContentFilterHttpTest {
  private final HttpTestServer server =
      HttpTestServer.builder()
          .moderation(
              ContentModeration.none()
                  .withFilter(
                      (sender, room, text) -> {
                        if (text.contains("slur")) return new FilterVerdict.Reject("slur");
                        if (text.contains("sus")) return new FilterVerdict.Flag(text, "suspicious");
                        return text.contains("darn")
                            ? new FilterVerdict.Mask(text.replace("darn", "****"))
                            : FilterVerdict.ALLOW;
                      }))
          .start();
  private final AccountId alice = TestIds.account();
  private final AccountId bob = TestIds.account();
  private final String a = server.token(alice, "alice", false);
  private final String b = server.token(bob, "bob", false);

  @AfterEach
  void stop() {
    server.close();
  }

  private String channel() {
    return server.post("/v1/rooms", server.token(true), "{\"name\":\"lobby\"}").text("room_id");
  }

  private String globalRoom(String token) {
    return server.get("/chat/", token).json().path("roomUpdates").get(0).path("id").asText();
  }

  private static void assertRejected(HttpTestServer.Response r) {
    assertEquals(400, r.status(), r.toString());
    assertEquals("rejected", r.error());
    assertEquals("slur", r.text("reason"));
    assertEquals("the message was refused by the content filter", r.text("message"));
    List<String> fields = new ArrayList<>();
    r.json().fieldNames().forEachRemaining(fields::add);
    assertEquals(
        List.of("error", "message", "reason"), fields, "HttpErrors' shape, with the reason added");
    assertTrue(
        r.raw().headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
  }

  @Test
  void aRejectedMessageIs400RejectedWithTheReasonOnEveryPath() {
    // three different texts: identical ones in several rooms would be spam
    String lobby = channel();
    String global = globalRoom(a);
    assertRejected(
        server.post("/v1/rooms/" + lobby + "/messages", a, "{\"content\":{\"text\":\"a slur\"}}"));
    assertRejected(
        server.post(
            "/chat/message",
            a,
            "{\"message\":{\"roomId\":\"" + global + "\",\"text\":\"another slur\"}}"));
    assertRejected(
        server.post(
            "/chat/dm",
            a,
            "{\"players\":[\"" + bob.value() + "\"],\"message\":{\"text\":\"a slur in a DM\"}}"));
    assertEquals(0, server.get("/v1/rooms/" + lobby + "/messages", b).json().path("chunk").size());
    assertEquals(0, server.get("/v1/rooms/" + global + "/messages", a).json().path("chunk").size());
    assertEquals(
        0, server.get("/chat/admin/reports", server.token(true)).json().path("reports").size());
  }

  @Test
  void playersGetTheMaskedTextInAnswersHistorySyncAndUnread() {
    String lobby = channel();
    String global = globalRoom(a);
    globalRoom(b);
    String since = server.get("/v1/rooms/" + lobby, b).text("head");
    HttpTestServer.Response sent =
        server.post("/v1/rooms/" + lobby + "/messages", a, "{\"content\":{\"text\":\"oh darn\"}}");
    assertEquals(200, sent.status(), sent.toString());
    HttpTestServer.Response posted =
        server.post(
            "/chat/message",
            a,
            "{\"message\":{\"roomId\":\"" + global + "\",\"text\":\"darn it\"}}");
    assertEquals("**** it", posted.json().path("message").path("text").asText(), posted.toString());

    assertEquals(
        List.of("oh ****"),
        texts(server.get("/v1/rooms/" + lobby + "/messages", b).json().path("chunk")));
    assertEquals(
        List.of("**** it"),
        texts(server.get("/v1/rooms/" + global + "/messages", b).json().path("chunk")));
    JsonNode unread =
        server.get("/chat/?lastRead=0", b).json().path("roomUpdates").get(0).path("unread");
    assertEquals("**** it", unread.get(0).path("text").asText());
    JsonNode synced =
        server.get("/v1/sync?since=" + since + "&timeout=1000", b).json().path("events");
    List<String> messages = new ArrayList<>();
    for (JsonNode e : synced)
      if (e.path("type").asText().equals("m.plain"))
        messages.add(e.path("content").path("text").asText());
    assertEquals(List.of("oh ****", "**** it"), messages, "/v1 sync");

    HttpTestServer.Response dm =
        server.post(
            "/chat/dm",
            a,
            "{\"players\":[\"" + bob.value() + "\"],\"message\":{\"text\":\"darn DM\"}}");
    assertEquals("**** DM", dm.json().path("message").path("text").asText(), dm.toString());
  }

  @Test
  void aFlaggedMessageIsDeliveredAndItsAutomaticReportIsInTheAdminsQueueWithItsReason() {
    String global = globalRoom(a);
    globalRoom(b);
    HttpTestServer.Response posted =
        server.post(
            "/chat/message",
            a,
            "{\"message\":{\"roomId\":\"" + global + "\",\"text\":\"sus link here\"}}");
    assertEquals(200, posted.status(), posted.toString());
    assertEquals(
        List.of("sus link here"),
        texts(server.get("/v1/rooms/" + global + "/messages", b).json().path("chunk")));

    JsonNode reports = server.get("/chat/admin/reports", server.token(true)).json().path("reports");
    assertEquals(1, reports.size(), reports.toString());
    JsonNode report = reports.get(0);
    assertEquals(
        posted.json().path("message").path("id").asText(),
        report.path("offendingMessageId").asText());
    assertTrue(report.path("automatic").asBoolean());
    assertEquals("000000000000000000000000", report.path("firstReporterId").asText());
    assertEquals("flagged by the content filter: suspicious", report.path("adminNote").asText());
    assertEquals(100, report.path("status").asInt(), "New, like a player's first report");
    assertEquals("sus link here", report.path("messageLog").get(0).path("text").asText());
  }

  private static List<String> texts(JsonNode chunk) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : chunk) out.add(e.path("content").path("text").asText());
    return out;
  }
}
