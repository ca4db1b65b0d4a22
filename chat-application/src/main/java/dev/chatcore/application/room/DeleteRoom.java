package dev.chatcore.application.room;

import dev.chatcore.application.Caller;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Admin: deletes a room. Its members receive {@code m.room.deleted} as the room's last event;
 * afterwards the room answers 404. The room stays as a tombstone until the janitor removes it.
 */
public final class DeleteRoom {
  private final ChatStorage storage;
  private final RoomDeletion deletion;

  @Inject
  public DeleteRoom(ChatStorage storage, EventPublisher publisher, Clock clock) {
    this.storage = storage;
    this.deletion = new RoomDeletion(storage, publisher, clock);
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when the room does not exist (or was deleted already)
   */
  public void delete(Caller caller, RoomId id) {
    caller.requireAdmin();
    Room room = storage.rooms().find(id).filter(r -> !r.isDeleted())
        .orElseThrow(() -> new NotFoundException("room not found"));
    deletion.delete(room, caller.id());
  }
}
