package dev.chatcore.application.dm;

import dev.chatcore.application.Caller;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * {@code DELETE /chat/rooms/leave}: the caller leaves a DM room. The room's member set changed, so
 * its key is freed first (the same set creates a new room from now on); a DM left with fewer than
 * two members is closed ({@code m.room.deleted}).
 */
public final class LeaveDirectMessage {
  public record Command(Caller caller, RoomId room) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
    }
  }

  private final RoomRepository rooms;
  private final RoomAccess access;
  private final DmLifecycle dms;

  @Inject
  public LeaveDirectMessage(RoomRepository rooms, RoomAccess access, DmLifecycle dms) {
    this.rooms = rooms;
    this.access = access;
    this.dms = dms;
  }

  /**
   * @throws dev.chatcore.domain.error.NotFoundException when the room does not exist or the caller
   *     is not in it
   * @throws InvalidInputException when the room is not a DM room ({@code roomId})
   */
  public void leave(Command command) {
    Room room =
        rooms
            .find(command.room())
            .filter(r -> !r.isDeleted())
            .filter(r -> access.isMember(command.caller().id(), r))
            .orElseThrow(() -> new NotFoundException("room not found"));
    if (room.type() != RoomType.DM)
      throw new InvalidInputException("roomId", "is not a DM room; only DMs can be left");
    dms.leave(room, command.caller().id());
  }
}
