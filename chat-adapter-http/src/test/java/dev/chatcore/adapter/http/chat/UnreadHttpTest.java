package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.ChatTestSupport.epochSecond;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.globalRoomOf;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.privateRoom;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.roomUpdate;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.say;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.unreadTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.event.JsonObjectText;
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

/** The unread principle: roomUpdates and announcements on every player response. */
class UnreadHttpTest {
  private final MutableClock clock = new MutableClock();
  private final HttpTestServer api = HttpTestServer.builder().clock(clock).start();
  private final AccountId alice = TestIds.account();
  private final AccountId bob = TestIds.account();

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void everyPlayerResponseCarriesRoomUpdatesAndAnnouncements() {
    User a = api.player(alice);
    for (String path : List.of("/chat", "/chat/", "/chat/rooms", "/chat/preferences")) {
      HttpTestServer.Response r = a.get(path);
      assertEquals(200, r.status(), path + " " + r);
      assertTrue(r.get("roomUpdates").isArray(), path);
      assertTrue(r.get("announcements").isArray(), path);
    }
    HttpTestServer.Response failed = a.post("/chat/report", "{}");
    assertEquals(400, failed.status());
    assertNull(failed.get("roomUpdates"), "errors carry no unread keys");
  }

  @Test
  void adminsGetNoUnreadKeysAndAreNeverPlaced() {
    AccountId admin = TestIds.account();
    HttpTestServer.Response r = api.admin(admin).get("/chat/?lastRead=0");
    assertEquals(200, r.status());
    assertEquals(0, r.json().size(), r.toString());
    assertEquals(Optional.empty(), api.storage().globalRooms().roomOf(admin));
  }

  @Test
  void firstRequestPlacesThePlayerInGlobalRoomNumberOne() {
    HttpTestServer.Response r = api.player(alice).get("/chat/");
    JsonNode global = r.get("roomUpdates").get(0);
    assertEquals("Global", global.get("type").asText());
    assertEquals(1, global.get("number").asInt());
    assertEquals(1, global.get("channel").asInt());
    assertEquals(alice.value(), global.get("members").get(0).asText());
    assertTrue(global.get("unread").isArray());
    assertEquals(epochSecond(api), global.get("createdOn").asLong());
  }

  @Test
  void secondsAreInclusiveAndMillisecondsExact() {
    User a = api.player(alice);
    RoomId global = globalRoomOf(a.get("/chat/"));
    clock.advance(Duration.ofMillis(500)); // the message lands mid-second
    say(a, global, "hello");
    long second = epochSecond(api);
    long ms = clock.instant().toEpochMilli();
    assertEquals(List.of("hello"), unreadTexts(a.get("/chat/?lastRead=" + second), global));
    assertEquals(List.of(), unreadTexts(a.get("/chat/?lastRead=" + (second + 1)), global));
    assertEquals(List.of("hello"), unreadTexts(a.get("/chat/?lastRead=" + (ms - 1)), global));
    assertEquals(List.of(), unreadTexts(a.get("/chat/?lastRead=" + ms), global));
    JsonNode m = roomUpdate(a.get("/chat/?lastRead=" + second), global).get("unread").get(0);
    assertEquals(ms, m.get("createdOnMs").asLong());
    assertEquals(second, m.get("createdOn").asLong());
    assertEquals(alice.value(), m.get("accountId").asText());
    assertNull(m.get("roomId"), "unread messages are pruned of roomId");
  }

  @Test
  void lastReadInTheBodyWinsOverTheQuery() {
    User a = api.player(alice);
    RoomId global = globalRoomOf(a.get("/chat/"));
    say(a, global, "first");
    clock.advance(Duration.ofSeconds(10));
    long now = epochSecond(api);
    HttpTestServer.Response r =
        a.post(
            "/chat/message?lastRead=0",
            "{\"lastRead\":"
                + now
                + ",\"message\":{\"text\":\"second\",\"roomId\":\""
                + global.value()
                + "\"}}");
    assertEquals(List.of("second"), unreadTexts(r, global));
  }

  @Test
  void missingLastReadMeansTheLastDay() {
    User a = api.player(alice);
    RoomId global = globalRoomOf(a.get("/chat/"));
    say(a, global, "old");
    clock.advance(Duration.ofHours(2));
    say(a, global, "recent");
    clock.advance(Duration.ofHours(23));
    assertEquals(List.of("recent"), unreadTexts(a.get("/chat/"), global));
  }

  @Test
  void malformedLastReadIsA400NamingIt() {
    User a = api.player(alice);
    for (String q : List.of("lastRead=abc", "lastRead=-5", "detailed=maybe")) {
      HttpTestServer.Response r = a.get("/chat/?" + q);
      assertEquals(400, r.status(), q);
      assertEquals("bad_request", r.error());
      assertTrue(r.get("message").asText().contains(q.substring(0, q.indexOf('='))), r.toString());
    }
    HttpTestServer.Response body =
        a.post("/chat/report", "{\"lastRead\":\"yesterday\",\"messageId\":\"x\"}");
    assertEquals(400, body.status());
    assertTrue(body.get("message").asText().contains("lastRead"));
  }

  @Test
  void roomsAreOrderedGlobalPrivateDmThenByLatestMembershipChange() {
    User a = api.player(alice);
    RoomId global = globalRoomOf(a.get("/chat/"));
    RoomId olderPrivate = privateRoom(api, Optional.empty(), alice);
    clock.advance(Duration.ofSeconds(1));
    RoomId newerPrivate = privateRoom(api, Optional.empty(), alice);
    clock.advance(Duration.ofSeconds(1));
    String dm1 =
        a.post("/chat/dm", "{\"players\":[\"" + bob.value() + "\"],\"message\":{\"text\":\"hi\"}}")
            .get("message")
            .get("roomId")
            .asText();
    clock.advance(Duration.ofSeconds(1));
    String dm2 =
        a.post(
                "/chat/dm",
                "{\"players\":[\""
                    + TestIds.account().value()
                    + "\"],\"message\":{\"text\":\"yo\"}}")
            .get("message")
            .get("roomId")
            .asText();
    List<String> order = new ArrayList<>();
    for (JsonNode u : a.get("/chat/").get("roomUpdates")) order.add(u.get("id").asText());
    assertEquals(
        List.of(global.value(), newerPrivate.value(), olderPrivate.value(), dm2, dm1), order);
  }

  @Test
  void v1ChannelsDoNotAppearInRoomUpdates() {
    AccountId admin = TestIds.account();
    HttpTestServer.Response created = api.admin(admin).post("/v1/rooms", "{\"name\":\"lobby\"}");
    assertEquals(201, created.status());
    HttpTestServer.Response r = api.player(alice).get("/chat/");
    assertEquals(1, r.get("roomUpdates").size());
    assertEquals("Global", r.get("roomUpdates").get(0).get("type").asText());
  }

  @Test
  void privateAndDmRoomsShowOnlyMessagesFromCurrentMembersOrAdmins() {
    AccountId carol = TestIds.account();
    AccountId admin = TestIds.account();
    User a = api.player(alice);
    User b = api.player(bob);
    a.get("/chat/");
    b.get("/chat/");
    RoomId room = privateRoom(api, Optional.empty(), alice, bob);
    long start = epochSecond(api);
    say(b, room, "from bob");
    say(api.admin(admin), room, "from admin");
    api.storage()
        .memberships()
        .put(
            new RoomMember(
                room, bob, MemberState.LEFT, clock.instant(), api.storage().events().head()));
    say(api.player(carol), room, "from outsider"); // not a member: hacked, never shown
    assertEquals(List.of("from admin"), unreadTexts(a.get("/chat/?lastRead=" + start), room));
  }

  @Test
  void hiddenMessagesDoNotUseUpTheCap() {
    AccountId carol = TestIds.account();
    User a = api.player(alice);
    a.get("/chat/");
    RoomId room = privateRoom(api, Optional.empty(), alice, bob, carol);
    long start = epochSecond(api);
    for (int i = 0; i < 300; i++) say(api.player(bob), room, "bob" + i);
    api.storage()
        .memberships()
        .put(
            new RoomMember(
                room, bob, MemberState.LEFT, clock.instant(), api.storage().events().head()));
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 5; i++) say(api.player(carol), room, "carol" + i);
    List<String> got = unreadTexts(a.get("/chat/?lastRead=" + start), room);
    assertEquals(
        List.of("carol0", "carol1", "carol2", "carol3", "carol4"),
        got,
        "2 rooms: cap 200, counted after hiding the 300 messages of a former member");
  }

  @Test
  void globalRoomsShowEveryMessageOfTheRoom() {
    User a = api.player(alice);
    User b = api.player(bob);
    RoomId global = globalRoomOf(a.get("/chat/"));
    assertEquals(global, globalRoomOf(b.get("/chat/")));
    long start = epochSecond(api);
    say(b, global, "from bob");
    assertEquals(List.of("from bob"), unreadTexts(a.get("/chat/?lastRead=" + start), global));
  }

  @Test
  void theCapNeverSplitsMessagesSharingTheLastIncludedSecond() {
    User a = api.player(alice);
    RoomId global = globalRoomOf(a.get("/chat/"));
    long start = epochSecond(api);
    for (int i = 0; i < 60; i++) say(a, global, "s1-" + i);
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 60; i++) say(a, global, "s2-" + i);
    clock.advance(Duration.ofSeconds(1));
    for (int i = 0; i < 10; i++) say(a, global, "s3-" + i);
    List<String> got = unreadTexts(a.get("/chat/?lastRead=" + start), global);
    assertEquals(
        120, got.size(), "one room: cap 100, extended to the end of the 100th message's second");
    assertEquals("s1-0", got.get(0));
    assertEquals("s2-59", got.get(119));
    List<String> next = unreadTexts(a.get("/chat/?lastRead=" + (start + 1)), global);
    assertEquals(70, next.size());
    assertEquals("s3-9", next.get(69));
  }

  @Test
  void theCapCountsEveryRoomOfThePlayer() {
    User a = api.player(alice);
    RoomId global = globalRoomOf(a.get("/chat/"));
    RoomId room = privateRoom(api, Optional.empty(), alice);
    long start = epochSecond(api);
    for (int i = 0; i < 150; i++) {
      say(a, global, "g" + i);
      clock.advance(Duration.ofMillis(10));
      say(a, room, "p" + i);
      clock.advance(Duration.ofMillis(10));
    }
    HttpTestServer.Response r = a.get("/chat/?lastRead=" + (start * 1000 - 1));
    int total = unreadTexts(r, global).size() + unreadTexts(r, room).size();
    assertEquals(200, total, "two rooms: at most 200 messages, oldest first");
    assertEquals("g99", unreadTexts(r, global).get(99));
    assertEquals("p99", unreadTexts(r, room).get(99));
  }

  @Test
  void detailedAddsRoomData() {
    User a = api.player(alice);
    RoomId room = privateRoom(api, Optional.of("{\"guild\":\"knights\"}"), alice);
    assertNull(roomUpdate(a.get("/chat/"), room).get("data"));
    JsonNode detailed = roomUpdate(a.get("/chat/?detailed=true"), room);
    assertEquals("knights", detailed.get("data").get("guild").asText());
    assertEquals("Private", detailed.get("type").asText());
    assertNull(detailed.get("number"));
  }

  @Test
  void activeAnnouncementsAppearInEveryResponse() {
    User a = api.player(alice);
    assertEquals(0, a.get("/chat/").get("announcements").size(), "an empty store is valid");
    api.storage()
        .announcements()
        .save(
            new Announcement(
                "65781a2ee074f00f1e9b3700",
                TestIds.account(),
                "maintenance",
                Optional.of(new JsonObjectText("{\"level\":2}")),
                clock.instant(),
                clock.instant().plusSeconds(60)));
    api.storage()
        .announcements()
        .save(
            new Announcement(
                "65781a2ee074f00f1e9b3701",
                TestIds.account(),
                "gone",
                Optional.empty(),
                clock.instant(),
                clock.instant().plusSeconds(1)));
    clock.advance(Duration.ofSeconds(2));
    long farFuture = epochSecond(api) + 1000;
    JsonNode announcements = a.get("/chat/?lastRead=" + farFuture).get("announcements");
    assertEquals(1, announcements.size());
    assertEquals("maintenance", announcements.get(0).get("text").asText());
    assertEquals(2, announcements.get(0).get("context").get("level").asInt());
    assertEquals(epochSecond(api) + 58, announcements.get(0).get("expiration").asLong());
    assertFalse(api.player(bob).get("/chat/preferences").get("announcements").isEmpty());
  }
}
