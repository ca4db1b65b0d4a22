package dev.chatcore.application.dm;

import dev.chatcore.application.Caller;
import dev.chatcore.application.member.MembershipChange;
import dev.chatcore.application.room.RoomDeletion;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code DELETE /chat/rooms/leave}: the caller leaves a DM room. The room's member set changed,
 * so its key is freed first (the same set creates a new room from now on); a DM left with fewer
 * than two members is closed ({@code m.room.deleted}).
 */
public final class LeaveDirectMessage {
  public record Command(Caller caller, RoomId room) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
    }
  }

  private final ChatStorage storage;
  private final RoomAccess access;
  private final DmLifecycle dms;

  @Inject
  public LeaveDirectMessage(ChatStorage storage, RoomAccess access, EventPublisher publisher, Clock clock) {
    this.storage = storage;
    this.access = access;
    this.dms = new DmLifecycle(storage, new MembershipChange(storage.memberships(), storage.receipts(), publisher, clock),
        new RoomDeletion(storage.rooms(), storage.dmRooms(), publisher, clock));
  }

  /**
   * @throws dev.chatcore.domain.error.NotFoundException when the room does not exist or the caller is not in it
   * @throws InvalidInputException when the room is not a DM room ({@code roomId})
   */
  public void leave(Command command) {
    Room room = storage.rooms().find(command.room()).filter(r -> !r.isDeleted())
        .filter(r -> access.isMember(command.caller().id(), r))
        .orElseThrow(() -> new NotFoundException("room not found"));
    if (room.type() != RoomType.DM) throw new InvalidInputException("roomId", "is not a DM room; only DMs can be left");
    dms.leave(room, command.caller().id());
  }
}
