package dev.chatcore.application.member;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.dm.DmLifecycle;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Leaves a channel, global or DM room ({@code m.member} {@code leave}). A channel left stays left
 * (automatic membership no longer applies) until the account joins again. Leaving a room one is
 * already out of changes nothing (a kick or ban stays as it is).
 */
public final class LeaveRoom {
  public record Command(Caller caller, RoomId room) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
    }
  }

  private final RoomAccess access;
  private final RegisterCaller register;
  private final KeyedLocks locks;
  private final DmLifecycle dms;

  @Inject
  public LeaveRoom(RoomAccess access, RegisterCaller register, KeyedLocks locks, DmLifecycle dms) {
    this.access = access;
    this.register = register;
    this.locks = locks;
    this.dms = dms;
  }

  /**
   * @throws dev.chatcore.domain.error.NotFoundException when the room does not exist or is hidden
   * @throws ForbiddenException for a private room (admins manage it), or a room never joined
   */
  public void leave(Command command) {
    Account account = register.register(command.caller());
    Room room = access.visibleRoom(account.id(), command.caller().admin(), command.room());
    if (room.type() == RoomType.PRIVATE)
      throw new ForbiddenException("private room membership is managed by admins");
    locks.withLock(
        new MemberKey(room.id(), account.id()),
        () -> {
          Optional<MemberState> state = access.stateOf(account.id(), room);
          if (state.isEmpty()) throw new ForbiddenException("not a member of this room");
          if (state.get().isMember()) {
            dms.leave(room, account.id());
          }
          return null;
        });
  }
}
