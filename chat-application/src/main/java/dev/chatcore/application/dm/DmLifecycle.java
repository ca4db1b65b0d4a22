package dev.chatcore.application.dm;

import dev.chatcore.application.member.MembershipChange;
import dev.chatcore.application.room.RoomDeletion;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;

/**
 * What a DM room does when a member goes, through either API (SPEC §4): after a leave its member
 * set is freed (the same set makes a new room); after a kick or ban the set stays bound, so the
 * removed player's {@code POST /chat/dm} to it is refused; a DM left with fewer than two members is
 * closed ({@code m.room.deleted}), which frees the set too.
 */
public final class DmLifecycle {
  private final DmRoomRepository dmRooms;
  private final MembershipRepository memberships;
  private final MembershipChange change;
  private final RoomDeletion deletion;

  @Inject
  public DmLifecycle(
      DmRoomRepository dmRooms,
      MembershipRepository memberships,
      MembershipChange change,
      RoomDeletion deletion) {
    this.dmRooms = dmRooms;
    this.memberships = memberships;
    this.change = change;
    this.deletion = deletion;
  }

  /**
   * {@code account} leaves {@code room}, whatever its type; in a DM the member set is freed first,
   * so that from the leave on the same set makes a new room, and a DM left under two closes.
   */
  public void leave(Room room, AccountId account) {
    if (room.type() == RoomType.DM) dmRooms.release(room.id());
    change.apply(room.id(), room.type(), account, account, Membership.LEAVE);
    afterRemoval(room, account);
  }

  /**
   * After a member left or was kicked or banned by {@code actor} (a no-op for other room types).
   */
  public void afterRemoval(Room room, AccountId actor) {
    if (room.type() != RoomType.DM || memberships.count(room.id(), MemberState.JOINED) >= 2) return;
    try {
      deletion.delete(room, actor);
    } catch (NotFoundException closedMeanwhile) {
      // another leave closed it first
    }
  }
}
