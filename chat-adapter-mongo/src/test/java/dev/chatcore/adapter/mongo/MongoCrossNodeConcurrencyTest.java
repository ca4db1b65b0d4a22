package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.chat.PostedMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.domain.chat.DmKey;
import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.room.MemberChange;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.testing.TestIds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The invariants that rest on the database alone, with two nodes (two complete cores, each with its
 * own client) on one database, and the calls spread over both: global room capacity and one seat
 * per account, one DM room per member set, one event per transaction id, room capacity of joins.
 */
class MongoCrossNodeConcurrencyTest {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  private static final int GLOBAL_CAPACITY = 5;
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private static final SpamPolicy NO_SPAM_BANS =
      new SpamPolicy(
          1_000_000, Duration.ofSeconds(1), List.of(Duration.ofSeconds(1)), Duration.ofDays(1));

  private final Caller admin = new Caller(TestIds.account(), "admin", true);

  private static Limits smallGlobalRooms() {
    return Limits.defaults().withRoomCapacities(GLOBAL_CAPACITY, GLOBAL_CAPACITY + 2, 3);
  }

  /** Two nodes on one fresh database. */
  private List<ChatCore> twoNodes() {
    MongoOptions options =
        mongo.options(mongo.freshName()).withSyncDelivery(MongoOptions.SyncDelivery.POLLING);
    List<ChatCore> nodes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      // identical retries must not trip the spam detector here: it is not what these tests are
      // about
      nodes.add(
          mongo.closeAfterTest(
              ChatCore.create(
                  mongo.storage(options), smallGlobalRooms(), NO_SPAM_BANS, Clock.systemUTC())));
    }
    return nodes;
  }

  /** Runs {@code calls} tasks on 16 threads released at once; the results in task order. */
  private static <T> List<T> concurrently(int calls, IntFunction<Callable<T>> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < calls; i++) {
        Callable<T> call = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.call();
                }));
      }
      go.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) out.add(f.get(60, TimeUnit.SECONDS));
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void globalRoomsNeverExceedTheirCapacityAndOpenOnlyWhenFullAcrossNodes() throws Exception {
    List<ChatCore> nodes = twoNodes();
    int players = 60;
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < players; i++) ids.add(TestIds.account());
    concurrently(players, i -> () -> nodes.get(i % 2).placeInGlobalRoom().place(ids.get(i)));
    List<GlobalRoom> rooms = checkDirectory(nodes, ids);
    assertEquals(
        players / GLOBAL_CAPACITY, rooms.size(), "a room opens only when the others are full");
  }

  /**
   * The same player placed on both nodes at once: one seat, both nodes answer the same room. (A
   * place the loser reserved for a moment may make a third placement open a room early: the
   * invariants hold, the packing is best effort under such races.)
   */
  @Test
  void aPlayerPlacedOnBothNodesAtOnceGetsOneSeat() throws Exception {
    List<ChatCore> nodes = twoNodes();
    int players = 30;
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < players; i++) ids.add(TestIds.account());
    List<GlobalRoom> placed =
        concurrently(
            2 * players, i -> () -> nodes.get(i % 2).placeInGlobalRoom().place(ids.get(i / 2)));
    for (int i = 0; i < players; i++) {
      assertEquals(
          placed.get(2 * i).id(),
          placed.get(2 * i + 1).id(),
          "both nodes agree on the player's room");
    }
    checkDirectory(nodes, ids);
  }

  /**
   * Capacity, one seat per player, unique numbers, counters equal to seats and to the projection.
   */
  private static List<GlobalRoom> checkDirectory(List<ChatCore> nodes, List<AccountId> ids) {
    var storage = nodes.get(0).storage();
    Map<RoomId, Integer> seated = new HashMap<>();
    for (AccountId a : ids)
      seated.merge(storage.globalRooms().roomOf(a).orElseThrow().id(), 1, Integer::sum);
    List<GlobalRoom> rooms = storage.globalRooms().listOpen(Integer.MAX_VALUE, 0, 1000);
    Set<Integer> numbers = new HashSet<>();
    int total = 0;
    for (GlobalRoom room : rooms) {
      assertTrue(room.memberCount() <= GLOBAL_CAPACITY, "room above capacity: " + room);
      assertEquals(seated.getOrDefault(room.id(), 0), room.memberCount());
      assertEquals(room.memberCount(), storage.globalRooms().members(room.id()).size());
      assertTrue(numbers.add(room.number()), "room numbers are unique");
      total += room.memberCount();
      for (ChatCore node : nodes) { // the membership projection agrees with the directory
        assertEquals(
            room.memberCount(), node.storage().memberships().count(room.id(), MemberState.JOINED));
      }
    }
    assertEquals(ids.size(), total, "every player sits exactly once");
    return rooms;
  }

  @Test
  void aDmMemberSetMapsToOneRoomAcrossNodes() throws Exception {
    List<ChatCore> nodes = twoNodes();
    List<Caller> members =
        List.of(
            Caller.player(TestIds.account(), "a"),
            Caller.player(TestIds.account(), "b"),
            Caller.player(TestIds.account(), "c"));
    int sends = 24;
    List<PostedMessage> posted =
        concurrently(
            sends,
            i ->
                () -> {
                  Caller sender = members.get(i % members.size());
                  List<String> others =
                      members.stream()
                          .filter(m -> !m.equals(sender))
                          .map(m -> m.id().value())
                          .toList();
                  return nodes
                      .get(i % 2)
                      .sendDirectMessage()
                      .send(
                          new SendDirectMessage.Command(
                              sender, others, "hello " + i, Optional.empty()));
                });
    Set<RoomId> rooms = new HashSet<>();
    for (PostedMessage m : posted) rooms.add(m.room());
    assertEquals(1, rooms.size(), "one room for the member set: " + rooms);
    RoomId room = rooms.iterator().next();
    var storage = nodes.get(1).storage();
    Set<AccountId> set = new HashSet<>();
    for (Caller c : members) set.add(c.id());
    assertEquals(Optional.of(room), storage.dmRooms().find(DmKey.of(set)));
    assertEquals(RoomType.DM, storage.rooms().find(room).orElseThrow().type());
    for (Caller c : members) {
      assertEquals(
          Optional.of(MemberState.JOINED),
          storage.memberships().find(room, c.id()).map(RoomMember::state));
    }
    assertEquals(
        sends,
        storage.events().readMessages(room, Optional.empty(), Direction.FORWARD, 100).size(),
        "every message is in the one room");
  }

  @Test
  void aTransactionRetriedOnAnotherNodeReturnsTheSameEvent() throws Exception {
    List<ChatCore> nodes = twoNodes();
    RoomId room =
        nodes
            .get(0)
            .createRoom()
            .create(new CreateRoom.Command(admin, "lobby", Optional.empty()))
            .room()
            .id();
    Caller player = Caller.player(TestIds.account(), "player");
    List<Event> sent =
        concurrently(
            16,
            i ->
                () ->
                    nodes
                        .get(i % 2)
                        .sendMessage()
                        .send(
                            new SendMessage.Command(
                                player, room, "once", Optional.empty(), Optional.of("txn-1"))));
    assertEquals(
        1,
        sent.stream().map(Event::id).distinct().count(),
        "one event for the transaction: " + sent);
    List<Event> history =
        nodes.get(1).storage().events().readMessages(room, Optional.empty(), Direction.FORWARD, 10);
    assertEquals(List.of(sent.get(0).id()), history.stream().map(Event::id).toList());
    // a later retry on either node still returns it
    for (ChatCore node : nodes) {
      assertEquals(
          sent.get(0).id(),
          node.sendMessage()
              .send(
                  new SendMessage.Command(
                      player, room, "once", Optional.empty(), Optional.of("txn-1")))
              .id());
    }
  }

  /**
   * One {@code txn_id} sent on both nodes at once, 50 times: both answers name the same message,
   * and as soon as either node answers, that message is in the history of both nodes.
   */
  @Test
  void aTransactionRacingOnTwoNodesIsReadableOnBothAsSoonAsEitherAnswers() throws Exception {
    List<ChatCore> nodes = twoNodes();
    RoomId room =
        nodes
            .get(0)
            .createRoom()
            .create(new CreateRoom.Command(admin, "lobby", Optional.empty()))
            .room()
            .id();
    Caller player = Caller.player(TestIds.account(), "player");
    for (int round = 0; round < 50; round++) {
      String txn = "txn-" + round;
      List<List<Optional<EventId>>> answers =
          concurrently(
              2,
              i ->
                  () -> {
                    EventId id =
                        nodes
                            .get(i)
                            .sendMessage()
                            .send(
                                new SendMessage.Command(
                                    player,
                                    room,
                                    "once " + txn,
                                    Optional.empty(),
                                    Optional.of(txn)))
                            .id();
                    List<Optional<EventId>> seen = new ArrayList<>(List.of(Optional.of(id)));
                    for (ChatCore reader : nodes) {
                      seen.add(
                          reader
                              .storage()
                              .events()
                              .readMessages(room, Optional.empty(), Direction.BACKWARD, 1)
                              .stream()
                              .map(Event::id)
                              .findFirst());
                    }
                    return seen;
                  });
      assertEquals(
          answers.get(0).get(0),
          answers.get(1).get(0),
          "round " + round + ": one message for " + txn);
      for (List<Optional<EventId>> seen : answers) {
        assertEquals(
            List.of(seen.get(0), seen.get(0), seen.get(0)),
            seen,
            "round " + round + ": the answer, then the newest message on node A and on node B");
      }
    }
  }

  @Test
  void joinsNeverExceedARoomsCapacityAcrossNodes() throws Exception {
    MongoOptions options = mongo.options(mongo.freshName());
    List<ChatStorage> nodes = List.of(mongo.storage(options), mongo.storage(options));
    RoomId room = TestIds.room();
    int capacity = 10;
    List<Boolean> joined =
        concurrently(
            40,
            i -> {
              AccountId account = TestIds.account();
              return () ->
                  nodes
                      .get(i % 2)
                      .memberships()
                      .joinIfBelow(
                          new MemberChange(
                              room,
                              account,
                              MemberState.JOINED,
                              NOW,
                              new EventId(1),
                              false,
                              Optional.empty()),
                          capacity);
            });
    assertEquals(capacity, joined.stream().filter(b -> b).count());
    assertEquals(capacity, nodes.get(0).memberships().count(room, MemberState.JOINED));
    // a member that leaves frees its place for exactly one more
    RoomMember someone =
        nodes
            .get(1)
            .memberships()
            .inState(room, MemberState.JOINED, Optional.empty(), 1)
            .getFirst();
    nodes
        .get(1)
        .memberships()
        .put(new RoomMember(room, someone.account(), MemberState.LEFT, NOW, new EventId(1)));
    List<Boolean> again =
        concurrently(
            10,
            i -> {
              AccountId account = TestIds.account();
              return () ->
                  nodes
                      .get(i % 2)
                      .memberships()
                      .joinIfBelow(
                          new MemberChange(
                              room,
                              account,
                              MemberState.JOINED,
                              NOW,
                              new EventId(1),
                              false,
                              Optional.empty()),
                          capacity);
            });
    assertEquals(1, again.stream().filter(b -> b).count());
    assertEquals(capacity, nodes.get(0).memberships().count(room, MemberState.JOINED));
  }
}
