package dev.chatcore.application.chat;

import dev.chatcore.domain.chat.Announcement;
import java.util.List;

/**
 * What every player response carries.
 *
 * @param millis true when the client sent {@code lastRead} in milliseconds
 */
public record RoomUpdates(
    List<RoomUpdate> rooms, List<Announcement> announcements, boolean millis) {
  public RoomUpdates {
    rooms = List.copyOf(rooms);
    announcements = List.copyOf(announcements);
  }
}
