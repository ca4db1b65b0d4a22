package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberChange;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.MemberTimeline;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link MembershipRepository} must have. */
public abstract class MembershipRepositoryContract {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  protected abstract MembershipRepository newMembershipRepository();

  private static RoomMember member(RoomId room, AccountId account, MemberState state) {
    return new RoomMember(room, account, state, T, new EventId(7));
  }

  private static MemberChange change(
      RoomId room, AccountId account, MemberState state, long position) {
    return new MemberChange(
        room, account, state, T, new EventId(position), false, Optional.empty());
  }

  private static MemberChange joinAt(RoomId room, AccountId account, long position) {
    return change(room, account, MemberState.JOINED, position);
  }

  @Test
  void recordKeepsEveryChangeOnItsPositionWhateverTheOrderOfArrival() {
    MembershipRepository memberships = newMembershipRepository();
    RoomId room = TestIds.room();
    AccountId a = TestIds.account();
    memberships.record(
        change(room, a, MemberState.KICKED, 20)); // a later change stored first (another node)
    RoomMember after = memberships.record(joinAt(room, a, 10));
    assertEquals(MemberState.KICKED, after.state(), "the change at the later position stands");
    assertEquals(new EventId(20), after.sinceEvent());
    MemberTimeline timeline = memberships.find(room, a).orElseThrow().timeline();
    assertFalse(timeline.sees(new EventId(9)));
    assertTrue(timeline.sees(new EventId(10)), "its own join");
    assertTrue(timeline.sees(new EventId(15)));
    assertTrue(timeline.sees(new EventId(20)), "its own kick");
    assertFalse(timeline.sees(new EventId(21)));
    assertEquals(0, memberships.count(room, MemberState.JOINED));
  }

  @Test
  void recordMovesAChangeFromAPositionTheLogDidNotKeep() {
    MembershipRepository memberships = newMembershipRepository();
    RoomId room = TestIds.room();
    AccountId a = TestIds.account();
    memberships.record(joinAt(room, a, 5));
    memberships.record(change(room, a, MemberState.LEFT, 12));
    RoomMember moved =
        memberships.record(
            new MemberChange(
                room,
                a,
                MemberState.LEFT,
                T,
                new EventId(14),
                false,
                Optional.of(new EventId(12))));
    assertEquals(new EventId(14), moved.sinceEvent());
    assertTrue(
        moved.timeline().sees(new EventId(13)), "still a member until the leave's real position");
    assertFalse(moved.timeline().sees(new EventId(15)));
    assertEquals(moved, memberships.find(room, a).orElseThrow());
  }

  @Test
  void aChannelRecordStartsAsAMember() {
    MembershipRepository memberships = newMembershipRepository();
    RoomId room = TestIds.room();
    AccountId a = TestIds.account();
    memberships.record(
        new MemberChange(room, a, MemberState.LEFT, T, new EventId(8), true, Optional.empty()));
    MemberTimeline timeline = memberships.find(room, a).orElseThrow().timeline();
    assertTrue(timeline.sees(new EventId(3)));
    assertTrue(timeline.sees(new EventId(8)));
    assertFalse(timeline.sees(new EventId(9)));
  }

  @Test
  void concurrentRecordsOfOneAccountAreAllKept() throws Exception {
    MembershipRepository memberships = newMembershipRepository();
    RoomId room = TestIds.room();
    AccountId a = TestIds.account();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> writes = new ArrayList<>();
    for (int i = 1; i <= 16; i++) {
      long position = i * 10L;
      MemberState state = i % 2 == 1 ? MemberState.JOINED : MemberState.LEFT;
      writes.add(
          pool.submit(
              () -> {
                go.await();
                return memberships.record(change(room, a, state, position));
              }));
    }
    go.countDown();
    for (Future<?> w : writes) w.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    RoomMember stored = memberships.find(room, a).orElseThrow();
    assertEquals(16, stored.timeline().changes().size());
    assertEquals(MemberState.LEFT, stored.state());
    assertEquals(new EventId(160), stored.sinceEvent());
    assertEquals(
        0, memberships.count(room, MemberState.JOINED), "the JOINED count follows the final state");
  }

  @Test
  void putReplacesTheRecordOfRoomAndAccount() {
    MembershipRepository memberships = newMembershipRepository();
    RoomId room = TestIds.room();
    AccountId a = TestIds.account();
    memberships.put(member(room, a, MemberState.JOINED));
    memberships.put(member(room, a, MemberState.LEFT));
    assertEquals(Optional.of(MemberState.LEFT), memberships.find(room, a).map(RoomMember::state));
    assertEquals(1, memberships.ofAccount(a).size());
    assertEquals(Optional.empty(), memberships.find(TestIds.room(), a));
  }

  @Test
  void listsAndCountsByStateOrderedByAccount() {
    MembershipRepository memberships = newMembershipRepository();
    RoomId room = TestIds.room();
    AccountId first = new AccountId("000000000000000000000a01");
    AccountId second = new AccountId("000000000000000000000a02");
    AccountId third = new AccountId("000000000000000000000a03");
    memberships.put(member(room, third, MemberState.JOINED));
    memberships.put(member(room, first, MemberState.JOINED));
    memberships.put(member(room, second, MemberState.KICKED));
    assertEquals(
        List.of(first, third),
        memberships.inState(room, MemberState.JOINED, Optional.empty(), 10).stream()
            .map(RoomMember::account)
            .toList());
    assertEquals(
        List.of(third),
        memberships.inState(room, MemberState.JOINED, Optional.of(first), 10).stream()
            .map(RoomMember::account)
            .toList());
    assertEquals(
        List.of(first),
        memberships.inState(room, MemberState.JOINED, Optional.empty(), 1).stream()
            .map(RoomMember::account)
            .toList());
    assertEquals(2, memberships.count(room, MemberState.JOINED));
    assertEquals(1, memberships.count(room, MemberState.KICKED));
  }

  @Test
  void deletingARoomRemovesItsRecordsOnly() {
    MembershipRepository memberships = newMembershipRepository();
    RoomId room = TestIds.room();
    RoomId kept = TestIds.room();
    AccountId a = TestIds.account();
    memberships.put(member(room, a, MemberState.JOINED));
    memberships.put(member(kept, a, MemberState.JOINED));
    memberships.deleteRoom(room);
    assertEquals(Optional.empty(), memberships.find(room, a));
    assertEquals(List.of(kept), memberships.ofAccount(a).stream().map(RoomMember::room).toList());
    assertEquals(0, memberships.count(room, MemberState.JOINED));
  }

  @Test
  void joinIfBelowFillsTheRoomUpToItsCapacity() {
    MembershipRepository memberships = newMembershipRepository();
    RoomId room = TestIds.room();
    AccountId first = TestIds.account();
    AccountId second = TestIds.account();
    AccountId left = TestIds.account();
    memberships.put(member(room, left, MemberState.LEFT));
    assertTrue(memberships.joinIfBelow(joinAt(room, first, 7), 2));
    assertTrue(memberships.joinIfBelow(joinAt(room, second, 8), 2));
    assertFalse(memberships.joinIfBelow(joinAt(room, left, 9), 2), "the room is full");
    assertEquals(
        Optional.of(MemberState.LEFT), memberships.find(room, left).map(RoomMember::state));
    assertTrue(memberships.joinIfBelow(joinAt(room, first, 7), 2), "a member stays a member");
    assertEquals(2, memberships.count(room, MemberState.JOINED));
  }

  @Test
  void concurrentJoinsNeverExceedTheCapacity() throws Exception {
    MembershipRepository memberships = newMembershipRepository();
    RoomId room = TestIds.room();
    int capacity = 10;
    int joiners = 40;
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> tries = new ArrayList<>();
    for (int i = 0; i < joiners; i++) {
      AccountId account = TestIds.account();
      tries.add(
          pool.submit(
              () -> {
                go.await();
                return memberships.joinIfBelow(joinAt(room, account, 7), capacity);
              }));
    }
    go.countDown();
    int joined = 0;
    for (Future<Boolean> t : tries) if (t.get(30, TimeUnit.SECONDS)) joined++;
    pool.shutdown();
    assertEquals(capacity, joined);
    assertEquals(capacity, memberships.count(room, MemberState.JOINED));
  }
}
