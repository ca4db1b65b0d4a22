package dev.chatcore.application.member;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.dm.DmLifecycle;
import dev.chatcore.application.room.RoomDeletion;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Admin: removes an account from a room ({@code m.member} {@code kick}), or with {@code ban}
 * also keeps it out until {@link UnbanMember unbanned} ({@code m.member} {@code ban}). The
 * removed account's sync gets that event and then nothing more of the room. A kicked account may
 * join again; a banned one may not. Banning works on non-members too (it keeps them out);
 * banning a banned account changes nothing. In a global room the kick or ban also takes the
 * account's seat away (after the record, so a concurrent placement skips this room).
 */
public final class KickMember {
  /** @param ban true to ban from the room as well */
  public record Command(Caller caller, RoomId room, AccountId target, boolean ban) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(target, "target");
    }
  }

  private final ChatStorage storage;
  private final RoomAccess access;
  private final KeyedLocks locks;
  private final MembershipChange change;
  private final DmLifecycle dms;

  @Inject
  public KickMember(ChatStorage storage, RoomAccess access, EventPublisher publisher, KeyedLocks locks, Clock clock) {
    this.storage = storage;
    this.access = access;
    this.locks = locks;
    this.change = new MembershipChange(storage, publisher, clock);
    this.dms = new DmLifecycle(storage, change, new RoomDeletion(storage, publisher, clock));
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when the room or the account does not exist, or (for a kick) the
   *     account is not a member
   */
  public void kick(Command command) {
    Caller caller = command.caller();
    caller.requireAdmin();
    Room room = access.visibleRoom(caller.id(), true, command.room());
    if (storage.accounts().find(command.target()).isEmpty()) throw new NotFoundException("user not found");
    locks.withLock(new MemberKey(room.id(), command.target()), () -> {
      Optional<MemberState> state = access.stateOf(command.target(), room);
      if (command.ban()) {
        if (state.filter(s -> s == MemberState.BANNED).isEmpty()) {
          change.apply(room.id(), room.type(), caller.id(), command.target(), Membership.BAN);
        }
        unseat(room, command.target());
        dms.afterRemoval(room, caller.id());
      } else {
        if (state.filter(MemberState::isMember).isEmpty()) throw new NotFoundException("user is not a member of this room");
        change.apply(room.id(), room.type(), caller.id(), command.target(), Membership.KICK);
        unseat(room, command.target());
        dms.afterRemoval(room, caller.id());
      }
      return null;
    });
  }

  /** Frees the target's seat when it sits in this global room (the record already says why). */
  private void unseat(Room room, AccountId target) {
    if (room.type() != RoomType.GLOBAL) return;
    boolean seatedHere = storage.globalRooms().roomOf(target).filter(g -> g.id().equals(room.id())).isPresent();
    if (seatedHere) storage.globalRooms().remove(target);
  }
}
