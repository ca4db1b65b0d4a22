package dev.chatcore.application.globalroom;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.chat.Seat;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * A player's manual move into a global room of its choice: allowed up to {@link
 * Limits#globalRoomOverflowCapacity()} members, leaving its previous global room in the same atomic
 * step.
 */
public final class JoinGlobalRoom {
  /**
   * @param room the room to move into
   */
  public record Command(Caller caller, RoomId room) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
    }
  }

  private final RoomRepository rooms;
  private final MembershipRepository memberships;
  private final GlobalRoomRepository globalRooms;
  private final GlobalRoomEvents events;
  private final Limits limits;

  @Inject
  public JoinGlobalRoom(
      RoomRepository rooms,
      MembershipRepository memberships,
      GlobalRoomRepository globalRooms,
      GlobalRoomEvents events,
      Limits limits) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.globalRooms = globalRooms;
    this.events = events;
    this.limits = limits;
  }

  /**
   * @return the room joined, with its member count afterwards
   * @throws NotFoundException when the room does not exist
   * @throws InvalidInputException when the room is not a global room ({@code roomId})
   * @throws ForbiddenException for admins (never placed) and players banned from the room
   * @throws dev.chatcore.domain.error.ConflictException when the room is full
   */
  public GlobalRoom join(Command command) {
    if (command.caller().admin())
      throw new ForbiddenException("admins are not placed in global rooms");
    Room room =
        rooms
            .find(command.room())
            .filter(r -> !r.isDeleted())
            .orElseThrow(() -> new NotFoundException("room not found"));
    if (room.type() != RoomType.GLOBAL)
      throw new InvalidInputException("roomId", "is not a global room");
    boolean banned =
        memberships
            .find(room.id(), command.caller().id())
            .filter(m -> m.state() == MemberState.BANNED)
            .isPresent();
    if (banned) throw new ForbiddenException("banned from this room");
    return events.serialized(
        command.caller().id(),
        () -> {
          Seat seat =
              globalRooms.move(
                  command.caller().id(), room.id(), limits.globalRoomOverflowCapacity());
          events.seated(command.caller().id(), seat);
          return seat.room();
        });
  }
}
