package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.ChatTestSupport.epochSecond;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.globalCapacity;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.globalRoomOf;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.messageBody;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.privateRoom;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.say;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.texts;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.unreadTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /chat/message}, hacked messages, and the one stream shared with {@code /v1}. */
class MessageHttpTest {
  private final MutableClock clock = new MutableClock();
  private final HttpTestServer api = HttpTestServer.builder().clock(clock).start();
  private final AccountId alice = TestIds.account();
  private final AccountId bob = TestIds.account();
  private final User a = api.player(alice);
  private final User b = api.player(bob);

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aMessageReturnsWhatWasStoredAndReachesTheRoom() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    long start = epochSecond(api);
    HttpTestServer.Response r =
        a.post(
            "/chat/message",
            "{\"message\":{\"text\":\"  Hello World!  \",\"context\":{\"item\":7},\"roomId\":\""
                + global.value()
                + "\"}}");
    assertEquals(200, r.status(), r.toString());
    JsonNode m = r.get("message");
    assertEquals("Hello World!", m.get("text").asText());
    assertEquals(7, m.get("context").get("item").asInt());
    assertEquals(global.value(), m.get("roomId").asText());
    assertEquals(alice.value(), m.get("accountId").asText());
    assertEquals(24, m.get("id").asText().length());
    assertEquals(start, m.get("createdOn").asLong());
    assertEquals(List.of("Hello World!"), unreadTexts(r, global));
    assertEquals(List.of("Hello World!"), unreadTexts(b.get("/chat/?lastRead=" + start), global));
  }

  @Test
  void badMessagesAre400sNamingTheField() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    String room = global.value();
    record Case(String body, String field) {}
    for (Case c :
        List.of(
            new Case("{\"message\":{\"text\":\"  \",\"roomId\":\"" + room + "\"}}", "message.text"),
            new Case(
                "{\"message\":{\"text\":\"\",\"context\":{},\"roomId\":\"" + room + "\"}}",
                "message.text"),
            new Case("{\"message\":{\"text\":5,\"roomId\":\"" + room + "\"}}", "message.text"),
            new Case(
                "{\"message\":{\"text\":\"x\",\"context\":[1],\"roomId\":\"" + room + "\"}}",
                "message.context"),
            new Case("{\"message\":{\"text\":\"x\"}}", "message.roomId"),
            new Case("{\"message\":{\"text\":\"x\",\"roomId\":\"zz\"}}", "message.roomId"),
            new Case(
                "{\"message\":{\"text\":\"x\",\"roomId\":\"" + room + "\",\"type\":20}}",
                "message.type"),
            new Case(
                "{\"message\":{\"text\":\"x\",\"roomId\":\""
                    + room
                    + "\",\"accountId\":\""
                    + bob.value()
                    + "\"}}",
                "message.accountId"),
            new Case(
                "{\"message\":{\"text\":\"x\",\"roomId\":\""
                    + room
                    + "\",\"updatedOn\":99999999999}}",
                "message.updatedOn"),
            new Case("{}", "message"),
            new Case("{\"message\":\"hi\"}", "message"))) {
      HttpTestServer.Response r = a.post("/chat/message", c.body());
      assertEquals(400, r.status(), c.body() + " -> " + r);
      assertEquals("bad_request", r.error());
      assertTrue(r.get("message").asText().startsWith(c.field()), c.body() + " -> " + r);
    }
    HttpTestServer.Response notJson = a.post("/chat/message", "{\"message\":");
    assertEquals(400, notJson.status());
    assertEquals(0, api.storage().hackedMessages().count());
  }

  @Test
  void contextAloneIsAMessage() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    HttpTestServer.Response r =
        a.post(
            "/chat/message",
            "{\"message\":{\"context\":{\"sticker\":\"wave\"},\"roomId\":\""
                + global.value()
                + "\"}}");
    assertEquals(200, r.status(), r.toString());
    assertEquals("", r.get("message").get("text").asText());
  }

  @Test
  void messagesToUnknownRoomsOrRoomsTheSenderIsNotInAreHackedAndShownToNobody() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    RoomId dm =
        new RoomId(
            b.post(
                    "/chat/dm",
                    "{\"players\":[\""
                        + TestIds.account().value()
                        + "\"],"
                        + "\"message\":{\"text\":\"private\"}}")
                .get("message")
                .get("roomId")
                .asText());
    clock.advance(Duration.ofSeconds(1));
    long start = epochSecond(api);
    RoomId nowhere = TestIds.room();
    HttpTestServer.Response r = a.post("/chat/message", messageBody(nowhere, "into the void"));
    assertEquals(200, r.status(), "the sender is not told");
    assertEquals(nowhere.value(), r.get("message").get("roomId").asText());
    assertEquals(200, a.post("/chat/message", messageBody(dm, "sneaky")).status());
    assertEquals(2, api.storage().hackedMessages().count());
    var hacked = api.storage().hackedMessages().list(0, 10);
    assertEquals(alice, hacked.get(0).sender());
    assertEquals(dm, hacked.get(0).room());
    assertEquals(List.of(), unreadTexts(b.get("/chat/?lastRead=" + start), dm));
    assertEquals(
        List.of("private"),
        ChatTestSupport.v1Texts(b.get("/v1/rooms/" + dm.value() + "/messages").get("chunk")));
    assertEquals(List.of(), unreadTexts(a.get("/chat/?lastRead=" + start), global));
  }

  @Test
  void aHackedMessagesAnswerLooksLikeAnyOther() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    JsonNode real = a.post("/chat/message", messageBody(global, "hello")).get("message");
    JsonNode hacked =
        a.post("/chat/message", messageBody(TestIds.room(), "into the void")).get("message");
    JsonNode after = a.post("/chat/message", messageBody(global, "again")).get("message");
    List<String> fields = new ArrayList<>();
    real.fieldNames().forEachRemaining(fields::add);
    List<String> hackedFields = new ArrayList<>();
    hacked.fieldNames().forEachRemaining(hackedFields::add);
    assertEquals(fields, hackedFields, "the same fields, in the same order");
    String id = hacked.get("id").asText();
    assertTrue(id.startsWith("00000000"), "a stream-position id like every message's: " + id);
    assertTrue(
        real.get("id").asText().compareTo(id) < 0 && id.compareTo(after.get("id").asText()) < 0,
        "it orders between the messages around it");
    assertEquals(
        real.get("expiration").asLong() - real.get("createdOn").asLong(),
        hacked.get("expiration").asLong() - hacked.get("createdOn").asLong(),
        "the expiry a global room gives");
    assertEquals(
        id,
        api.storage().hackedMessages().list(0, 10).getFirst().id(),
        "admins see it under that id");
  }

  @Test
  void aMessageToAGlobalRoomOneIsNotInIsHacked() {
    try (HttpTestServer small =
        HttpTestServer.builder().clock(new MutableClock()).limits(globalCapacity(1, 150)).start()) {
      User a1 = small.player(alice);
      User b1 = small.player(bob);
      RoomId mine = globalRoomOf(a1.get("/chat/"));
      RoomId bobs = globalRoomOf(b1.get("/chat/"));
      assertFalse(mine.equals(bobs));
      long start = small.clock().instant().getEpochSecond();
      assertEquals(200, a1.post("/chat/message", messageBody(bobs, "not my room")).status());
      assertEquals(1, small.storage().hackedMessages().count());
      assertEquals(List.of(), unreadTexts(b1.get("/chat/?lastRead=" + start), bobs));
      assertEquals(
          List.of(), texts(b1.get("/v1/rooms/" + bobs.value() + "/messages").get("chunk")));
    }
  }

  @Test
  void postingToARoomOneWasKickedOrBannedFromIsForbidden() {
    a.get("/chat/");
    for (MemberState state : List.of(MemberState.KICKED, MemberState.BANNED)) {
      RoomId room = privateRoom(api, Optional.empty(), alice, bob);
      api.storage()
          .memberships()
          .put(new RoomMember(room, alice, state, clock.instant(), api.storage().events().head()));
      HttpTestServer.Response r = a.post("/chat/message", messageBody(room, "let me back"));
      assertEquals(403, r.status(), state + " " + r);
      assertEquals("forbidden", r.error());
    }
    assertEquals(0, api.storage().hackedMessages().count());
  }

  @Test
  void aMessagePostedThroughChatIsInV1HistoryAndSync() {
    HttpTestServer.Response entered = a.get("/chat/");
    RoomId global = globalRoomOf(entered);
    assertEquals(global, globalRoomOf(b.get("/chat/")));
    String head = a.get("/v1/rooms/" + global.value()).get("head").asText();
    String id = say(a, global, "from chat");
    JsonNode chunk = b.get("/v1/rooms/" + global.value() + "/messages").get("chunk");
    assertEquals(List.of("from chat"), ChatTestSupport.v1Texts(chunk));
    assertEquals(id, chunk.get(0).get("event_id").asText());
    assertEquals(alice.value(), chunk.get(0).get("sender").asText());
    HttpTestServer.Response sync = a.get("/v1/sync?since=" + head + "&timeout=1000");
    assertEquals(200, sync.status(), sync.toString());
    JsonNode event = sync.get("events").get(0);
    assertEquals(id, event.get("event_id").asText());
    assertEquals("m.plain", event.get("type").asText());
    assertEquals("from chat", event.get("content").get("text").asText());
  }

  @Test
  void aMessagePostedThroughV1IsInChatRoomUpdates() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    long start = epochSecond(api);
    HttpTestServer.Response posted =
        b.post(
            "/v1/rooms/" + global.value() + "/messages",
            "{\"content\":{\"text\":\"from v1\",\"context\":{\"k\":1}}}");
    // bob is not in a global room yet: /v1 refuses, then /chat places him and he may post
    assertEquals(403, posted.status(), posted.toString());
    b.get("/chat/");
    posted =
        b.post(
            "/v1/rooms/" + global.value() + "/messages",
            "{\"content\":{\"text\":\"from v1\",\"context\":{\"k\":1}}}");
    assertEquals(200, posted.status(), posted.toString());
    HttpTestServer.Response r = a.get("/chat/?lastRead=" + start);
    JsonNode unread = ChatTestSupport.roomUpdate(r, global).get("unread");
    assertEquals(1, unread.size());
    assertEquals(posted.get("event_id").asText(), unread.get(0).get("id").asText());
    assertEquals("from v1", unread.get(0).get("text").asText());
    assertEquals(1, unread.get(0).get("context").get("k").asInt());
    assertEquals(bob.value(), unread.get(0).get("accountId").asText());
    assertNull(unread.get(0).get("roomId"));
    assertFalse(r.get("roomUpdates").isEmpty());
  }
}
