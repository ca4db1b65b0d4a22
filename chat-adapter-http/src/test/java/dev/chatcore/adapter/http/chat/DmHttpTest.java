package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.ChatTestSupport.epochSecond;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.globalRoomOf;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.roomUpdate;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.say;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.unreadTexts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code POST /chat/dm} and {@code DELETE /chat/rooms/leave}. */
class DmHttpTest {
  private final HttpTestServer api = HttpTestServer.builder().clock(new MutableClock()).start();
  private final AccountId alice = TestIds.account();
  private final AccountId bob = TestIds.account();
  private final AccountId carol = TestIds.account();
  private final User a = api.player(alice);
  private final User b = api.player(bob);

  @AfterEach
  void stop() {
    api.close();
  }

  private static String dm(String text, AccountId... players) {
    String ids =
        Arrays.stream(players).map(p -> "\"" + p.value() + "\"").collect(Collectors.joining(","));
    return "{\"players\":[" + ids + "],\"message\":{\"text\":\"" + text + "\"}}";
  }

  private static RoomId roomOf(HttpTestServer.Response r) {
    assertEquals(200, r.status(), r.toString());
    return new RoomId(r.get("message").get("roomId").asText());
  }

  @Test
  void createsTheRoomAndReusesItForExactlyTheSameSet() {
    long start = epochSecond(api);
    RoomId room = roomOf(a.post("/chat/dm", dm("hey buddies", bob, carol)));
    RoomId again = roomOf(b.post("/chat/dm", dm("hey yourself", carol, alice, carol, bob)));
    assertEquals(room, again, "order, duplicates and the caller's own id do not matter");
    assertNotEquals(room, roomOf(a.post("/chat/dm", dm("just us", bob))));
    JsonNode update = roomUpdate(api.player(carol).get("/chat/?lastRead=" + start), room);
    assertNotNull(update);
    assertEquals("DirectMessage", update.get("type").asText());
    assertEquals(0, update.get("channel").asInt());
    assertEquals(3, update.get("members").size());
    assertEquals(
        List.of("hey buddies", "hey yourself"),
        unreadTexts(api.player(carol).get("/chat/?lastRead=" + start), room));
    assertEquals(
        List.of("hey buddies", "hey yourself"),
        ChatTestSupport.v1Texts(
            api.player(carol).get("/v1/rooms/" + room.value() + "/messages?dir=f").get("chunk")));
  }

  @Test
  void laterMessagesGoThroughChatMessage() {
    RoomId room = roomOf(a.post("/chat/dm", dm("first", bob)));
    say(b, room, "reply");
    assertEquals(List.of("first", "reply"), unreadTexts(a.get("/chat/?lastRead=0"), room));
  }

  @Test
  void theMemberSetMustHoldTwoToTwentyAccounts() {
    assertEquals(400, a.post("/chat/dm", dm("me, myself", alice)).status());
    assertEquals(400, a.post("/chat/dm", "{\"players\":[],\"message\":{\"text\":\"x\"}}").status());
    AccountId[] nineteen = new AccountId[19];
    for (int i = 0; i < 19; i++) nineteen[i] = TestIds.account();
    assertEquals(200, a.post("/chat/dm", dm("big group", nineteen)).status());
    AccountId[] twenty = Arrays.copyOf(nineteen, 20);
    twenty[19] = TestIds.account();
    HttpTestServer.Response tooMany = a.post("/chat/dm", dm("too big", twenty));
    assertEquals(400, tooMany.status());
    assertTrue(tooMany.get("message").asText().startsWith("players"), tooMany.toString());
  }

  @Test
  void badInputIsA400NamingTheField() {
    record Case(String body, String field) {}
    for (Case c :
        List.of(
            new Case("{\"message\":{\"text\":\"x\"}}", "players"),
            new Case("{\"players\":[\"nothex\"],\"message\":{\"text\":\"x\"}}", "players"),
            new Case("{\"players\":[5],\"message\":{\"text\":\"x\"}}", "players"),
            new Case("{\"players\":[\"" + bob.value() + "\"]}", "message"),
            new Case(
                "{\"players\":[\"" + bob.value() + "\"],\"message\":{\"text\":\"\"}}",
                "message.text"),
            new Case(
                "{\"players\":[\""
                    + bob.value()
                    + "\"],\"message\":{\"text\":\"x\",\"roomId\":\""
                    + TestIds.room().value()
                    + "\"}}",
                "message.roomId"))) {
      HttpTestServer.Response r = a.post("/chat/dm", c.body());
      assertEquals(400, r.status(), c.body() + " -> " + r);
      assertTrue(r.get("message").asText().startsWith(c.field()), c.body() + " -> " + r);
    }
  }

  @Test
  void concurrentFirstMessagesOfOneSetMakeOneRoom() throws Exception {
    List<AccountId> members = List.of(alice, bob, carol, TestIds.account());
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<RoomId>> results = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        AccountId sender = members.get(i % members.size());
        AccountId[] others =
            members.stream().filter(m -> !m.equals(sender)).toArray(AccountId[]::new);
        User c = api.player(sender);
        String body = dm("race " + i, others);
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  return roomOf(c.post("/chat/dm", body));
                }));
      }
      go.countDown();
      Set<RoomId> rooms = new HashSet<>();
      for (Future<RoomId> f : results) rooms.add(f.get(60, TimeUnit.SECONDS));
      assertEquals(1, rooms.size());
      RoomId room = rooms.iterator().next();
      assertEquals(
          32, unreadTexts(a.get("/chat/?lastRead=0"), room).size(), "no message lost or hidden");
      assertEquals(4, roomUpdate(a.get("/chat/"), room).get("members").size());
      List<String> types = new ArrayList<>();
      for (JsonNode e :
          a.get("/v1/sync?since=000000000000000000000000&timeout=1000&filter=" + room.value())
              .get("events")) {
        types.add(e.get("type").asText());
      }
      // alice sees the room from her own join on (what came before it is not hers to see)
      int firstMessage = types.indexOf("m.plain");
      assertTrue(
          firstMessage >= 1 && types.subList(0, firstMessage).stream().allMatch("m.member"::equals),
          "the members come before any message: " + types);
      assertEquals(
          32, types.subList(firstMessage, types.size()).stream().filter("m.plain"::equals).count());
      assertEquals(32, types.size() - firstMessage, "no membership change after the first message");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void leavingADmFreesTheSetAndADmUnderTwoMembersCloses() {
    RoomId trio = roomOf(a.post("/chat/dm", dm("trio", bob, carol)));
    HttpTestServer.Response left = b.delete("/chat/rooms/leave?roomId=" + trio.value());
    assertEquals(200, left.status(), left.toString());
    assertTrue(left.get("roomUpdates").isArray());
    assertNull(roomUpdate(left, trio), "the leaver no longer sees it");
    assertEquals(
        404,
        b.delete("/chat/rooms/leave?roomId=" + trio.value()).status(),
        "not a member any more");
    RoomId fresh = roomOf(a.post("/chat/dm", dm("trio again", bob, carol)));
    assertNotEquals(trio, fresh, "after a leave the same set makes a new room");
    say(a, trio, "still here");
    assertEquals(
        List.of("trio", "still here"),
        unreadTexts(api.player(carol).get("/chat/?lastRead=0"), trio));

    RoomId pair = roomOf(a.post("/chat/dm", dm("pair", bob)));
    assertEquals(200, a.delete("/chat/rooms/leave?roomId=" + pair.value()).status());
    assertNull(roomUpdate(b.get("/chat/"), pair), "a DM under two members is closed");
    assertEquals(404, b.get("/v1/rooms/" + pair.value()).status());
  }

  @Test
  void onlyDmRoomsCanBeLeft() {
    RoomId global = globalRoomOf(a.get("/chat/"));
    HttpTestServer.Response r = a.delete("/chat/rooms/leave?roomId=" + global.value());
    assertEquals(400, r.status());
    assertTrue(r.get("message").asText().startsWith("roomId"), r.toString());
    assertEquals(404, a.delete("/chat/rooms/leave?roomId=" + TestIds.room().value()).status());
    assertEquals(400, a.delete("/chat/rooms/leave").status());
    assertEquals(400, a.delete("/chat/rooms/leave?roomId=xyz").status());
  }
}
