package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
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
  protected abstract MembershipRepository newMembershipRepository();

  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

  private static RoomMember member(RoomId room, AccountId account, MemberState state) {
    return new RoomMember(room, account, state, T, new EventId(7));
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
    assertEquals(List.of(first, third),
        memberships.inState(room, MemberState.JOINED, Optional.empty(), 10).stream().map(RoomMember::account).toList());
    assertEquals(List.of(third),
        memberships.inState(room, MemberState.JOINED, Optional.of(first), 10).stream().map(RoomMember::account).toList());
    assertEquals(List.of(first),
        memberships.inState(room, MemberState.JOINED, Optional.empty(), 1).stream().map(RoomMember::account).toList());
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
    assertTrue(memberships.joinIfBelow(member(room, first, MemberState.JOINED), 2));
    assertTrue(memberships.joinIfBelow(member(room, second, MemberState.JOINED), 2));
    assertFalse(memberships.joinIfBelow(member(room, left, MemberState.JOINED), 2), "the room is full");
    assertEquals(Optional.of(MemberState.LEFT), memberships.find(room, left).map(RoomMember::state));
    assertTrue(memberships.joinIfBelow(member(room, first, MemberState.JOINED), 2), "a member stays a member");
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
      tries.add(pool.submit(() -> {
        go.await();
        return memberships.joinIfBelow(member(room, account, MemberState.JOINED), capacity);
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
