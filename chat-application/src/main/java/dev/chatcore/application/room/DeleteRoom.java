package dev.chatcore.application.room;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;

/**
 * Admin: deletes a room. Its members receive {@code m.room.deleted} as the room's last event;
 * afterwards the room answers 404. The room stays as a tombstone until the janitor removes it.
 */
public final class DeleteRoom {
  private final RoomRepository rooms;
  private final RoomDeletion deletion;

  @Inject
  public DeleteRoom(RoomRepository rooms, RoomDeletion deletion) {
    this.rooms = rooms;
    this.deletion = deletion;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when the room does not exist (or was deleted already)
   */
  public void delete(Caller caller, RoomId id) {
    caller.requireAdmin();
    Room room =
        rooms
            .find(id)
            .filter(r -> !r.isDeleted())
            .orElseThrow(() -> new NotFoundException("room not found"));
    deletion.delete(room, caller.id());
  }
}
