package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.chat.Seat;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.TestIds;
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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link GlobalRoomRepository} must have. */
public abstract class GlobalRoomRepositoryContract {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  /** A fresh, empty directory for every test. */
  protected abstract GlobalRoomRepository newGlobalRoomRepository();

  private static Seat place(GlobalRoomRepository rooms, AccountId a, int capacity) {
    return rooms.place(a, capacity, Set.of(), TestIds.room(), NOW);
  }

  @Test
  void firstPlacementCreatesRoomNumberOne() {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    AccountId a = TestIds.account();
    RoomId fresh = TestIds.room();
    Seat seat = rooms.place(a, 3, Set.of(), fresh, NOW);
    assertTrue(seat.changed());
    assertTrue(seat.roomCreated());
    assertEquals(new GlobalRoom(fresh, 1, NOW, 1), seat.room());
    assertEquals(Optional.of(seat.room()), rooms.roomOf(a));
    assertEquals(List.of(a), rooms.members(fresh));
  }

  @Test
  void placingASeatedAccountChangesNothing() {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    AccountId a = TestIds.account();
    Seat first = place(rooms, a, 3);
    Seat again = place(rooms, a, 3);
    assertFalse(again.changed());
    assertEquals(first.room().id(), again.room().id());
    assertEquals(1, rooms.find(first.room().id()).orElseThrow().memberCount());
  }

  @Test
  void fillsTheFullestRoomWithSpaceThenOpensTheNextNumber() {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    RoomId r1 = place(rooms, TestIds.account(), 2).room().id();
    place(rooms, TestIds.account(), 2); // fills room 1
    Seat third = place(rooms, TestIds.account(), 2);
    assertTrue(third.roomCreated());
    assertEquals(2, third.room().number());
    AccountId leaver = rooms.members(r1).get(0);
    rooms.remove(leaver); // room 1 has 1 member, room 2 has 1: tie goes to the lower number
    assertEquals(r1, place(rooms, TestIds.account(), 2).room().id());
    // room 1 full again: room 2 is the only one with space
    assertEquals(third.room().id(), place(rooms, TestIds.account(), 2).room().id());
  }

  @Test
  void placementPrefersTheFullestRoom() {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    AccountId a = TestIds.account();
    RoomId r1 = place(rooms, a, 1).room().id();
    RoomId r2 = place(rooms, TestIds.account(), 1).room().id();
    rooms.move(TestIds.account(), r2, 5); // nobody: an unseated account moving in joins r2
    rooms.remove(a); // r1 empty, r2 has 2
    assertEquals(r2, place(rooms, TestIds.account(), 5).room().id());
    assertEquals(0, rooms.find(r1).orElseThrow().memberCount());
  }

  @Test
  void placementSkipsExcludedRooms() {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    RoomId r1 = place(rooms, TestIds.account(), 5).room().id();
    Seat other = rooms.place(TestIds.account(), 5, Set.of(r1), TestIds.room(), NOW);
    assertTrue(other.roomCreated());
    assertEquals(2, other.room().number());
  }

  @Test
  void moveLeavesThePreviousRoomInTheSameStep() {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    AccountId a = TestIds.account();
    RoomId r1 = place(rooms, a, 1).room().id();
    RoomId r2 = place(rooms, TestIds.account(), 1).room().id();
    Seat moved = rooms.move(a, r2, 5);
    assertTrue(moved.changed());
    assertEquals(r1, moved.left().orElseThrow().id());
    assertEquals(0, moved.left().get().memberCount());
    assertEquals(2, moved.room().memberCount());
    assertEquals(r2, rooms.roomOf(a).orElseThrow().id());
    assertFalse(rooms.members(r1).contains(a));
    assertFalse(rooms.move(a, r2, 5).changed());
  }

  @Test
  void moveIntoAFullRoomIsAConflictAndKeepsTheSeat() {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    AccountId a = TestIds.account();
    RoomId r1 = place(rooms, a, 1).room().id();
    RoomId r2 = place(rooms, TestIds.account(), 1).room().id();
    assertThrows(ConflictException.class, () -> rooms.move(a, r2, 1));
    assertEquals(r1, rooms.roomOf(a).orElseThrow().id());
    assertThrows(NotFoundException.class, () -> rooms.move(a, TestIds.room(), 5));
  }

  @Test
  void removeFreesTheSeat() {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    AccountId a = TestIds.account();
    RoomId r1 = place(rooms, a, 5).room().id();
    assertEquals(r1, rooms.remove(a).orElseThrow().id());
    assertEquals(Optional.empty(), rooms.roomOf(a));
    assertEquals(Optional.empty(), rooms.remove(a));
    assertEquals(0, rooms.find(r1).orElseThrow().memberCount());
  }

  @Test
  void listsOpenRoomsByNumberWithPaging() {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    for (int i = 0; i < 5; i++) place(rooms, TestIds.account(), 1); // rooms 1..5, one member each
    AccountId extra = TestIds.account();
    RoomId third = rooms.listOpen(10, 2, 1).get(0).id();
    rooms.move(extra, third, 2); // room 3 now has 2 members
    assertEquals(
        List.of(1, 2, 4, 5), rooms.listOpen(2, 0, 10).stream().map(GlobalRoom::number).toList());
    assertEquals(List.of(4, 5), rooms.listOpen(2, 2, 10).stream().map(GlobalRoom::number).toList());
    assertEquals(4, rooms.countOpen(2));
    assertEquals(5, rooms.countOpen(3));
  }

  @Test
  void concurrentPlacementsNeverExceedCapacityAndSeatEachAccountOnce() throws Exception {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    int accounts = 400;
    int capacity = 7;
    List<AccountId> ids = new ArrayList<>();
    for (int i = 0; i < accounts; i++) ids.add(TestIds.account());
    AtomicInteger next = new AtomicInteger();
    List<Seat> seats =
        runConcurrently(
            16,
            () -> {
              List<Seat> mine = new ArrayList<>();
              for (int i; (i = next.getAndIncrement()) < accounts; )
                mine.add(place(rooms, ids.get(i), capacity));
              return mine;
            });
    assertEquals(accounts, seats.size());
    Map<RoomId, Integer> counted = new HashMap<>();
    for (AccountId a : ids) counted.merge(rooms.roomOf(a).orElseThrow().id(), 1, Integer::sum);
    Set<Integer> numbers = new HashSet<>();
    int total = 0;
    for (GlobalRoom room : rooms.listOpen(Integer.MAX_VALUE, 0, 1000)) {
      assertTrue(room.memberCount() <= capacity, "room above capacity: " + room);
      assertEquals(counted.getOrDefault(room.id(), 0), room.memberCount());
      assertEquals(room.memberCount(), rooms.members(room.id()).size());
      assertTrue(numbers.add(room.number()));
      total += room.memberCount();
    }
    assertEquals(accounts, total);
    assertEquals(
        (accounts + capacity - 1) / capacity, numbers.size()); // every room but the last is full
  }

  @Test
  void concurrentPlacementsOfOneAccountGiveOneSeat() throws Exception {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    AccountId a = TestIds.account();
    List<Seat> seats = runConcurrently(16, () -> List.of(place(rooms, a, 5), place(rooms, a, 5)));
    assertEquals(1, seats.stream().filter(Seat::changed).count());
    assertEquals(1, seats.stream().map(s -> s.room().id()).distinct().count());
    assertEquals(1, rooms.countOpen(Integer.MAX_VALUE));
    assertEquals(List.of(a), rooms.members(seats.get(0).room().id()));
  }

  @Test
  void concurrentMovesIntoOneRoomStopAtCapacity() throws Exception {
    GlobalRoomRepository rooms = newGlobalRoomRepository();
    RoomId target = place(rooms, TestIds.account(), 1).room().id();
    List<AccountId> movers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      AccountId m = TestIds.account();
      rooms.place(m, 100, Set.of(target), TestIds.room(), NOW); // all sit in room 2
      movers.add(m);
    }
    AtomicInteger next = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<Seat> moved =
        runConcurrently(
            16,
            () -> {
              List<Seat> mine = new ArrayList<>();
              for (int i; (i = next.getAndIncrement()) < movers.size(); ) {
                try {
                  mine.add(rooms.move(movers.get(i), target, 10));
                } catch (ConflictException e) {
                  refused.incrementAndGet();
                }
              }
              return mine;
            });
    assertEquals(9, moved.size());
    assertEquals(31, refused.get());
    assertEquals(10, rooms.find(target).orElseThrow().memberCount());
    assertEquals(10, rooms.members(target).size());
  }

  private static <T> List<T> runConcurrently(int threads, Callable<List<T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<List<T>>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> all = new ArrayList<>();
      for (Future<List<T>> f : futures) all.addAll(f.get(30, TimeUnit.SECONDS));
      return all;
    } finally {
      pool.shutdownNow();
    }
  }
}
