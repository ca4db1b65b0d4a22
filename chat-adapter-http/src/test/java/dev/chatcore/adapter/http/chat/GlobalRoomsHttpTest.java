package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.ChatTestSupport.globalCapacity;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.globalRoomOf;
import static dev.chatcore.adapter.http.chat.ChatTestSupport.privateRoom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Global rooms: placement, the open-room listing, manual joins, the idle sweep. */
class GlobalRoomsHttpTest {
  private final MutableClock clock = new MutableClock();
  private final HttpTestServer api =
      HttpTestServer.builder().clock(clock).limits(globalCapacity(3, 5)).start();

  @AfterEach
  void stop() {
    api.close();
  }

  private RoomId enter(AccountId player) {
    HttpTestServer.Response r = api.player(player).get("/chat/");
    assertEquals(200, r.status(), r.toString());
    return globalRoomOf(r);
  }

  private static <T> List<T> concurrently(int n, Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++)
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return task.call();
                }));
      go.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) out.add(f.get(60, TimeUnit.SECONDS));
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void placementFillsTheFullestRoomThenOpensTheNextNumber() {
    List<RoomId> rooms = new ArrayList<>();
    for (int i = 0; i < 7; i++) rooms.add(enter(TestIds.account()));
    assertEquals(
        List.of(1, 1, 1, 2, 2, 2, 3),
        rooms.stream()
            .map(id -> api.storage().globalRooms().find(id).orElseThrow().number())
            .toList());
  }

  @Test
  void concurrentRequestsOfOnePlayerNeverMakeTwoMemberships() throws Exception {
    AccountId p = TestIds.account();
    User c = api.player(p);
    List<String> rooms = concurrently(40, () -> globalRoomOf(c.get("/chat/")).value());
    assertEquals(1, rooms.stream().distinct().count());
    long memberships =
        api.storage().globalRooms().listOpen(Integer.MAX_VALUE, 0, 100).stream()
            .filter(g -> api.storage().globalRooms().members(g.id()).contains(p))
            .count();
    assertEquals(1, memberships);
    assertEquals(1, api.storage().globalRooms().countOpen(Integer.MAX_VALUE));
    long joinedRecords =
        api.storage().memberships().ofAccount(p).stream()
            .filter(m -> m.state() == MemberState.JOINED)
            .count();
    assertEquals(1, joinedRecords, "the membership projection agrees");
    assertEquals(1, c.get("/v1/rooms").get("rooms").size());
  }

  @Test
  void concurrentRequestsOfManyPlayersNeverExceedTheCapacity() throws Exception {
    List<AccountId> players = new ArrayList<>();
    for (int i = 0; i < 60; i++) players.add(TestIds.account());
    AtomicInteger next = new AtomicInteger();
    List<RoomId> seats = concurrently(60, () -> enter(players.get(next.getAndIncrement())));
    Map<RoomId, Integer> counts = new HashMap<>();
    for (RoomId r : seats) counts.merge(r, 1, Integer::sum);
    assertEquals(20, counts.size());
    for (GlobalRoom g : api.storage().globalRooms().listOpen(Integer.MAX_VALUE, 0, 100)) {
      assertEquals(3, g.memberCount(), "room " + g.number());
      assertEquals(3, api.storage().memberships().count(g.id(), MemberState.JOINED));
    }
  }

  @Test
  void listsOnlyRoomsWithOpenCapacityByNumberTenPerPage() {
    List<AccountId> first = new ArrayList<>();
    for (int i = 0; i < 3 * 12; i++) {
      AccountId p = TestIds.account();
      enter(p);
      if (i < 3) first.add(p);
    }
    // room 1 overflows to the manual limit (5): two players of other rooms join it
    RoomId room1 = api.storage().globalRooms().listOpen(10, 0, 1).get(0).id();
    User x = api.player(TestIds.account());
    User y = api.player(TestIds.account());
    enter(TestIds.account()); // room 13
    assertEquals(
        200, x.patch("/chat/rooms/join", "{\"roomId\":\"" + room1.value() + "\"}").status());
    assertEquals(
        200, y.patch("/chat/rooms/join", "{\"roomId\":\"" + room1.value() + "\"}").status());
    HttpTestServer.Response page0 = y.get("/chat/rooms?page=0");
    assertEquals(200, page0.status());
    List<Integer> numbers = new ArrayList<>();
    for (JsonNode room : page0.get("rooms")) {
      numbers.add(room.get("number").asInt());
      assertTrue(room.get("unread").isNull());
      assertEquals("Global", room.get("type").asText());
    }
    assertEquals(
        List.of(2, 3, 4, 5, 6, 7, 8, 9, 10, 11), numbers, "room 1 is full (5) and not listed");
    assertEquals(0, page0.get("page").asInt());
    assertEquals(10, page0.get("roomsPerPage").asInt());
    assertEquals(2, page0.get("remainingRoomCount").asInt(), "rooms 12 and 13");
    HttpTestServer.Response page1 = y.get("/chat/rooms?page=1");
    assertEquals(2, page1.get("rooms").size());
    assertEquals(0, page1.get("remainingRoomCount").asInt());
    assertTrue(page1.get("roomUpdates").isArray());
    assertEquals(400, y.get("/chat/rooms?page=-1").status());
    assertEquals(400, y.get("/chat/rooms?page=x").status());
  }

  @Test
  void joinMovesThePlayerAndLeavesItsPreviousRoom() {
    AccountId p = TestIds.account();
    RoomId before = enter(p);
    for (int i = 0; i < 3; i++) enter(TestIds.account()); // fills room 1 (3), opens room 2
    RoomId target = api.storage().globalRooms().listOpen(10, 1, 1).get(0).id();
    HttpTestServer.Response r =
        api.player(p).patch("/chat/rooms/join", "{\"roomId\":\"" + target.value() + "\"}");
    assertEquals(200, r.status(), r.toString());
    JsonNode room = r.get("room");
    assertEquals(target.value(), room.get("id").asText());
    assertEquals(2, room.get("number").asInt());
    assertTrue(room.get("unread").isNull());
    assertTrue(room.get("members").toString().contains(p.value()));
    assertEquals(target.value(), r.get("roomUpdates").get(0).get("id").asText());
    assertEquals(1, r.get("roomUpdates").size());
    assertEquals(2, api.storage().globalRooms().find(before).orElseThrow().memberCount());
  }

  @Test
  void joinRefusesUnknownFullAndNonGlobalRooms() {
    AccountId p = TestIds.account();
    enter(p);
    User c = api.player(p);
    HttpTestServer.Response unknown =
        c.patch("/chat/rooms/join", "{\"roomId\":\"" + TestIds.room().value() + "\"}");
    assertEquals(404, unknown.status());
    assertEquals("not_found", unknown.error());
    RoomId priv = privateRoom(api, Optional.empty(), p);
    HttpTestServer.Response notGlobal =
        c.patch("/chat/rooms/join", "{\"roomId\":\"" + priv.value() + "\"}");
    assertEquals(400, notGlobal.status());
    assertTrue(notGlobal.get("message").asText().contains("roomId"));
    assertEquals(400, c.patch("/chat/rooms/join", "{\"roomId\":\"nope\"}").status());
    assertEquals(400, c.patch("/chat/rooms/join", "{}").status());
    assertEquals(400, c.patch("/chat/rooms/join", "{\"roomId\":7}").status());
    // fill room 2 to the manual limit of 5
    for (int i = 0; i < 3; i++) enter(TestIds.account());
    RoomId room2 = api.storage().globalRooms().listOpen(10, 1, 1).get(0).id();
    for (int i = 0; i < 4; i++) {
      assertEquals(
          200,
          api.player(TestIds.account())
              .patch("/chat/rooms/join", "{\"roomId\":\"" + room2.value() + "\"}")
              .status());
    }
    assertEquals(5, api.storage().globalRooms().find(room2).orElseThrow().memberCount());
    HttpTestServer.Response full =
        c.patch("/chat/rooms/join", "{\"roomId\":\"" + room2.value() + "\"}");
    assertEquals(409, full.status());
    assertEquals("conflict", full.error());
  }

  @Test
  void concurrentManualJoinsStopAtTheOverflowCapacity() throws Exception {
    RoomId room1 = enter(TestIds.account());
    List<User> movers = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      AccountId m = TestIds.account();
      enter(m);
      movers.add(api.player(m));
    }
    AtomicInteger next = new AtomicInteger();
    List<Integer> statuses =
        concurrently(
            20,
            () ->
                movers
                    .get(next.getAndIncrement())
                    .patch("/chat/rooms/join", "{\"roomId\":\"" + room1.value() + "\"}")
                    .status());
    // room 1 holds its first member and movers 0 and 1 (their join changes nothing); 2 more fit up
    // to 5
    assertEquals(4, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
    assertEquals(16, statuses.stream().filter(s -> s == 409).count());
    assertEquals(5, api.storage().globalRooms().find(room1).orElseThrow().memberCount());
  }

  @Test
  void concurrentMovesOfOnePlayerLeaveOneMembershipThatMatchesTheSeat() throws Exception {
    AccountId p = TestIds.account();
    User c = api.player(p);
    enter(p);
    for (int i = 0; i < 8; i++) enter(TestIds.account()); // rooms 1..3, all full
    List<RoomId> targets =
        api.storage().globalRooms().listOpen(10, 0, 3).stream().map(GlobalRoom::id).toList();
    AtomicInteger next = new AtomicInteger();
    concurrently(
        30,
        () ->
            c.patch(
                    "/chat/rooms/join",
                    "{\"roomId\":\"" + targets.get(next.getAndIncrement() % 3).value() + "\"}")
                .status());
    RoomId seat = api.storage().globalRooms().roomOf(p).orElseThrow().id();
    List<RoomId> joined =
        api.storage().memberships().ofAccount(p).stream()
            .filter(m -> m.state() == MemberState.JOINED)
            .map(m -> m.room())
            .toList();
    assertEquals(List.of(seat), joined);
    int total = 0;
    for (RoomId t : targets)
      total += api.storage().globalRooms().find(t).orElseThrow().memberCount();
    assertEquals(9, total);
    assertEquals(seat.value(), c.get("/v1/rooms").get("rooms").get(0).get("room_id").asText());
  }

  @Test
  void idlePlayersLeaveTheirGlobalRoomAndArePlacedAgainOnTheirNextRequest() {
    AccountId idle = TestIds.account();
    AccountId active = TestIds.account();
    RoomId room = enter(idle);
    enter(active);
    clock.advance(Duration.ofMinutes(6));
    enter(active);
    clock.advance(Duration.ofMinutes(5)); // idle: 11 min, active: 5 min
    assertEquals(1, api.core().sweepIdlePlayers().sweep(Duration.ofMinutes(10)));
    assertEquals(Optional.empty(), api.storage().globalRooms().roomOf(idle));
    assertEquals(room, api.storage().globalRooms().roomOf(active).orElseThrow().id());
    assertEquals(0, api.core().sweepIdlePlayers().sweep(Duration.ofMinutes(10)));
    assertEquals(room, enter(idle));
  }

  @Test
  void placementMovesAndIdleRemovalAreMemberEventsInV1Sync() {
    AccountId p = TestIds.account();
    User c = api.player(p);
    RoomId first = enter(p);
    for (int i = 0; i < 3; i++) enter(TestIds.account());
    RoomId second = api.storage().globalRooms().listOpen(10, 1, 1).get(0).id();
    c.patch("/chat/rooms/join", "{\"roomId\":\"" + second.value() + "\"}");
    HttpTestServer.Response rooms = c.get("/v1/rooms");
    assertEquals(1, rooms.get("rooms").size());
    assertEquals("global", rooms.get("rooms").get(0).get("type").asText());
    assertEquals(second.value(), rooms.get("rooms").get(0).get("room_id").asText());
    HttpTestServer.Response sync = c.get("/v1/sync?since=000000000000000000000000&timeout=1000");
    assertEquals(200, sync.status(), sync.toString());
    List<String> mine = new ArrayList<>();
    for (JsonNode e : sync.get("events")) {
      if (e.get("type").asText().equals("m.member")
          && e.get("content").get("user_id").asText().equals(p.value())) {
        mine.add(
            e.get("room_id").asText().equals(first.value())
                ? "first:" + e.get("content").get("membership").asText()
                : "second:" + e.get("content").get("membership").asText());
      }
    }
    assertEquals(List.of("first:join", "first:leave", "second:join"), mine);
    assertNull(sync.get("roomUpdates"));
  }
}
