package dev.chatcore.application.chat;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.room.Room;
import java.util.List;
import java.util.Objects;

/**
 * One room of a player's {@code roomUpdates}.
 *
 * @param members current members, ordered by id
 * @param unread matching visible messages, oldest first
 */
public record RoomUpdate(Room room, List<AccountId> members, List<Event> unread) {
  public RoomUpdate {
    Objects.requireNonNull(room, "room");
    members = List.copyOf(members);
    unread = List.copyOf(unread);
  }
}
