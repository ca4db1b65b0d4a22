package dev.chatcore.domain.port;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomMember;
import java.util.List;
import java.util.Optional;

/**
 * Membership records, one per (room, account). Channels keep a record only once an account's
 * state differs from the automatic default; other room types keep one for every member.
 * Thread-safe; {@link #put} replaces the record atomically.
 */
public interface MembershipRepository {

  Optional<RoomMember> find(RoomId room, AccountId account);

  /** Creates or replaces the record of (room, account). */
  void put(RoomMember member);

  /**
   * Makes the account a JOINED member when the room has fewer than {@code capacity} JOINED
   * records, atomically: concurrent joins (on any number of nodes) never push the room past
   * {@code capacity}. An account already JOINED gets its record replaced and counts as a success.
   *
   * @param member a record in state {@link dev.chatcore.domain.room.MemberState#JOINED}
   * @return false, changing nothing, when the room is full
   */
  boolean joinIfBelow(RoomMember member, long capacity);

  /** Every record of the account, in any state. */
  List<RoomMember> ofAccount(AccountId account);

  /** Records of the room in {@code state}, ordered by account id, after {@code fromExclusive}. */
  List<RoomMember> inState(RoomId room, MemberState state, Optional<AccountId> fromExclusive, int limit);

  /** Number of records of the room in {@code state}. */
  long count(RoomId room, MemberState state);

  /** Removes every record of the room (the room was deleted). */
  void deleteRoom(RoomId room);
}
