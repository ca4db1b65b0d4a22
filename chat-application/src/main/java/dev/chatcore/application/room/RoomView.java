package dev.chatcore.application.room;

import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.room.Room;
import java.util.Objects;
import java.util.Optional;

/**
 * A room as one caller sees it.
 *
 * @param head the newest event of the room, a cursor to start syncing from
 * @param unreadCount messages after the caller's read position, not its own (capped)
 */
public record RoomView(Room room, long memberCount, Optional<EventId> head, long unreadCount) {
  public RoomView {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(head, "head");
  }
}
