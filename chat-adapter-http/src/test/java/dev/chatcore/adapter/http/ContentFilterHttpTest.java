package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.application.moderation.ContentModeration;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.FilterVerdict;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The content filter over both APIs: 400 {@code rejected} with the reason, masked text on the wire. */
class ContentFilterHttpTest {
  private final HttpTestServer server = new HttpTestServer(HttpTestServer.generousRateLimit(
      dev.chatcore.domain.policy.Limits.defaults()), ContentModeration.none().withFilter((sender, room, text) -> {
        if (text.contains("slur")) return new FilterVerdict.Reject("slur");
        return text.contains("darn") ? new FilterVerdict.Mask(text.replace("darn", "****")) : FilterVerdict.ALLOW;
      }));
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
  }

  @Test
  void aRejectedMessageIs400RejectedWithTheReasonOnEveryPath() {
    // three different texts: identical ones in several rooms would be spam
    String lobby = channel();
    String global = globalRoom(a);
    assertRejected(server.post("/v1/rooms/" + lobby + "/messages", a, "{\"content\":{\"text\":\"a slur\"}}"));
    assertRejected(server.post("/chat/message", a, "{\"message\":{\"roomId\":\"" + global + "\",\"text\":\"another slur\"}}"));
    assertRejected(server.post("/chat/dm", a,
        "{\"players\":[\"" + bob.value() + "\"],\"message\":{\"text\":\"a slur in a DM\"}}"));
    assertEquals(0, server.get("/v1/rooms/" + lobby + "/messages", b).json().path("chunk").size());
  }

  @Test
  void playersGetTheMaskedTextInAnswersHistoryAndUnread() {
    String lobby = channel();
    String global = globalRoom(a);
    globalRoom(b);
    server.post("/v1/rooms/" + lobby + "/messages", a, "{\"content\":{\"text\":\"oh darn\"}}");
    HttpTestServer.Response posted = server.post("/chat/message", a, "{\"message\":{\"roomId\":\"" + global + "\",\"text\":\"darn it\"}}");
    assertEquals("**** it", posted.json().path("message").path("text").asText(), posted.toString());

    assertEquals(List.of("oh ****"), texts(server.get("/v1/rooms/" + lobby + "/messages", b).json().path("chunk")));
    assertEquals(List.of("**** it"), texts(server.get("/v1/rooms/" + global + "/messages", b).json().path("chunk")));
    JsonNode unread = server.get("/chat/?lastRead=0", b).json().path("roomUpdates").get(0).path("unread");
    assertEquals("**** it", unread.get(0).path("text").asText());
  }

  private static List<String> texts(JsonNode chunk) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : chunk) out.add(e.path("content").path("text").asText());
    return out;
  }
}
