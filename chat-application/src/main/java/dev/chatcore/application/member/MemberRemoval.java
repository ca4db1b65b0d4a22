package dev.chatcore.application.member;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.dm.DmLifecycle;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.function.Function;

/**
 * The steps an admin's {@link KickMember kick} and {@link BanMember ban} share. The removed
 * account's sync gets the {@code m.member} event and then nothing more of the room. In a global
 * room the removal also takes the account's seat away (after the record, so a concurrent placement
 * skips this room); a DM left with fewer than two members closes.
 */
public final class MemberRemoval {
  private final AccountRepository accounts;
  private final GlobalRoomRepository globalRooms;
  private final RoomAccess access;
  private final KeyedLocks locks;
  private final MembershipChange change;
  private final DmLifecycle dms;

  @Inject
  public MemberRemoval(
      AccountRepository accounts,
      GlobalRoomRepository globalRooms,
      RoomAccess access,
      KeyedLocks locks,
      MembershipChange change,
      DmLifecycle dms) {
    this.accounts = accounts;
    this.globalRooms = globalRooms;
    this.access = access;
    this.locks = locks;
    this.change = change;
    this.dms = dms;
  }

  /**
   * Checks the caller, the room and the account, then, holding the member's lock, publishes the
   * change {@code decide} picks from the target's state (none when it picks none) and frees what
   * the removal frees.
   *
   * @param decide the target's state in the room (empty: never a member) to the change to publish;
   *     it may throw to refuse
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when the room or the account does not exist
   */
  void remove(
      Caller caller,
      RoomId roomId,
      AccountId target,
      Function<Optional<MemberState>, Optional<Membership>> decide) {
    caller.requireAdmin();
    Room room = access.visibleRoom(caller.id(), true, roomId);
    if (accounts.find(target).isEmpty()) throw new NotFoundException("user not found");
    locks.withLock(
        new MemberKey(room.id(), target),
        () -> {
          decide
              .apply(access.stateOf(target, room))
              .ifPresent(
                  membership ->
                      change.apply(room.id(), room.type(), caller.id(), target, membership));
          unseat(room, target);
          dms.afterRemoval(room, caller.id());
          return null;
        });
  }

  /** Frees the target's seat when it sits in this global room (the record already says why). */
  private void unseat(Room room, AccountId target) {
    if (room.type() != RoomType.GLOBAL) return;
    boolean seatedHere =
        globalRooms.roomOf(target).filter(g -> g.id().equals(room.id())).isPresent();
    if (seatedHere) globalRooms.remove(target);
  }
}
