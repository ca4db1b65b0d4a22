package dev.chatcore.domain.port;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberChange;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomMember;
import java.util.List;
import java.util.Optional;

/**
 * Membership records, one per (room, account). Channels keep a record only once an account's state
 * differs from the automatic default; other room types keep one for every member. Thread-safe;
 * {@link #put} replaces the record atomically.
 */
public interface MembershipRepository {

  Optional<RoomMember> find(RoomId room, AccountId account);

  /** Creates or replaces the record of (room, account), timeline included. */
  void put(RoomMember member);

  /**
   * Stores a membership change atomically per (room, account), as {@link MemberChange#appliedTo}
   * says: merged into the timeline in stream order, whatever order changes arrive in from any
   * number of nodes. Called before the change's event becomes readable.
   *
   * @return the record after the change
   */
  RoomMember record(MemberChange change);

  /**
   * {@link #record}s a JOINED change when the room has fewer than {@code capacity} JOINED records,
   * atomically: concurrent joins (on any number of nodes) never push the room past {@code
   * capacity}. An account already JOINED has the change recorded and counts as a success.
   *
   * @param change a change to {@link MemberState#JOINED}
   * @return false, changing nothing, when the room is full
   */
  boolean joinIfBelow(MemberChange change, long capacity);

  /** Every record of the account, in any state. */
  List<RoomMember> ofAccount(AccountId account);

  /** Records of the room in {@code state}, ordered by account id, after {@code fromExclusive}. */
  List<RoomMember> inState(
      RoomId room, MemberState state, Optional<AccountId> fromExclusive, int limit);

  /** Number of records of the room in {@code state}. */
  long count(RoomId room, MemberState state);

  /** Removes every record of the room (the room was deleted). */
  void deleteRoom(RoomId room);
}
