package dev.chatcore.application.member;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Admin: lifts a room ban. The account is then out of the room as if it had left (Matrix: ban to
 * leave), so it may join again; it does not come back by itself, not even to a channel. The room's
 * members see an {@code m.member} {@code leave} for it. The record keeps the ban event as its
 * {@code sinceEvent}: the unbanned account's sync stays bounded at the ban and never shows what was
 * said while it was banned.
 */
public final class UnbanMember {
  public record Command(Caller caller, RoomId room, AccountId target) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(target, "target");
    }
  }

  private final MembershipRepository memberships;
  private final RoomAccess access;
  private final KeyedLocks locks;
  private final MembershipChange change;

  @Inject
  public UnbanMember(
      MembershipRepository memberships,
      RoomAccess access,
      KeyedLocks locks,
      MembershipChange change) {
    this.memberships = memberships;
    this.access = access;
    this.locks = locks;
    this.change = change;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when the room does not exist or the account is not banned from it
   */
  public void unban(Command command) {
    Caller caller = command.caller();
    caller.requireAdmin();
    Room room = access.visibleRoom(caller.id(), true, command.room());
    locks.withLock(
        new MemberKey(room.id(), command.target()),
        () -> {
          memberships
              .find(room.id(), command.target())
              .filter(m -> m.state() == MemberState.BANNED)
              .orElseThrow(() -> new NotFoundException("user is not banned from this room"));
          change.apply(room.id(), room.type(), caller.id(), command.target(), Membership.LEAVE);
          return null;
        });
  }
}
