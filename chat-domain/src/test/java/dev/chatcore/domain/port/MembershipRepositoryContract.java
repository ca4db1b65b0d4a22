package dev.chatcore.domain.port;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
}
