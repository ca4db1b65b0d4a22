package dev.chatcore.application.room;

import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * The one way a room is deleted: appends {@code m.room.deleted} and stores the tombstone at that
 * event's position before the event can be read, so that a sync that reads the deletion also reads
 * the bound (nothing of the room after it is delivered, not even a message accepted while the room
 * was being deleted). A DM's member set is freed with it: the same set makes a new room.
 */
public final class RoomDeletion {
  private final RoomRepository rooms;
  private final DmRoomRepository dmRooms;
  private final EventPublisher publisher;
  private final Clock clock;

  @Inject
  public RoomDeletion(
      RoomRepository rooms, DmRoomRepository dmRooms, EventPublisher publisher, Clock clock) {
    this.rooms = rooms;
    this.dmRooms = dmRooms;
    this.publisher = publisher;
    this.clock = clock;
  }

  /**
   * @return the deletion event
   * @throws NotFoundException when the room does not exist or was deleted already
   */
  public Event delete(Room room, AccountId actor) {
    EventId[] tried = new EventId[1];
    Event deletion =
        publisher
            .publish(
                new NewEvent(room.id(), actor, clock.instant(), new EventContent.RoomDeleted()),
                position -> {
                  if (!rooms.markDeleted(room.id(), position, Optional.ofNullable(tried[0]))) {
                    throw new NotFoundException("room not found");
                  }
                  tried[0] = position;
                })
            .event();
    if (room.type() == RoomType.DM) dmRooms.release(room.id());
    return deletion;
  }
}
