package dev.chatcore.application.globalroom;

import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;

/**
 * One global room as {@link ListGlobalRooms} shows it, with the accounts seated in it now: what a
 * player sees of the room it just joined.
 */
public final class GetGlobalRoom {
  private final RoomRepository rooms;
  private final GlobalRoomRepository globalRooms;

  @Inject
  public GetGlobalRoom(RoomRepository rooms, GlobalRoomRepository globalRooms) {
    this.rooms = rooms;
    this.globalRooms = globalRooms;
  }

  /**
   * Reads the room's record and its seats.
   *
   * @return the room and the accounts sitting in it, ordered by id
   * @throws NotFoundException when the room has no record: an admin deleted it since the player
   *     joined (seating a player writes the record first)
   */
  public ListGlobalRooms.Listed get(RoomId room) {
    Room record = rooms.find(room).orElseThrow(() -> new NotFoundException("room not found"));
    return new ListGlobalRooms.Listed(record, globalRooms.members(room));
  }
}
