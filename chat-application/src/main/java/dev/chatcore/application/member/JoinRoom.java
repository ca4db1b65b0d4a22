package dev.chatcore.application.member;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.room.RoomView;
import dev.chatcore.application.room.RoomViews;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Joins a channel, or a global room that has space ({@code m.member} {@code join}). Joining a room
 * one is in changes nothing. Private and DM rooms are never joined this way; a room ban keeps the
 * account out until an admin lifts it.
 */
public final class JoinRoom {
  public record Command(Caller caller, RoomId room) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
    }
  }

  private final RoomRepository rooms;
  private final RoomAccess access;
  private final RoomViews views;
  private final RegisterCaller register;
  private final KeyedLocks locks;
  private final Limits limits;
  private final MembershipChange change;

  @Inject
  public JoinRoom(
      RoomRepository rooms,
      RoomAccess access,
      RoomViews views,
      RegisterCaller register,
      MembershipChange change,
      KeyedLocks locks,
      Limits limits) {
    this.rooms = rooms;
    this.access = access;
    this.views = views;
    this.register = register;
    this.change = change;
    this.locks = locks;
    this.limits = limits;
  }

  /**
   * @return the room as the caller now sees it
   * @throws NotFoundException when the room does not exist
   * @throws ForbiddenException for a private or DM room, or when the caller is banned from it
   * @throws ConflictException when a global room is full
   */
  public RoomView join(Command command) {
    Account account = register.register(command.caller());
    Room room =
        rooms
            .find(command.room())
            .filter(r -> !r.isDeleted())
            .orElseThrow(() -> new NotFoundException("room not found"));
    if (room.type() == RoomType.PRIVATE || room.type() == RoomType.DM) {
      throw new ForbiddenException(
          "private and DM rooms cannot be joined; their members are added for you");
    }
    locks.withLock(
        new MemberKey(room.id(), account.id()),
        () -> {
          Optional<MemberState> state = access.stateOf(account.id(), room);
          if (state.filter(MemberState::isMember).isPresent()) return null;
          if (state.filter(s -> s == MemberState.BANNED).isPresent())
            throw new ForbiddenException("banned from this room");
          if (room.type() == RoomType.GLOBAL) {
            change.joinIfBelow(
                room.id(), room.type(), account.id(), limits.globalRoomOverflowCapacity());
          } else {
            change.apply(room.id(), room.type(), account.id(), account.id(), Membership.JOIN);
          }
          return null;
        });
    return views.view(room, account);
  }
}
