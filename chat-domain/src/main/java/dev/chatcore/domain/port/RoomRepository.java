package dev.chatcore.domain.port;

import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomEncryption;
import dev.chatcore.domain.room.RoomType;
import java.util.List;
import java.util.Optional;

/**
 * Rooms. Thread-safe. A deleted room stays as a tombstone ({@link Room#isDeleted()}) so that the
 * syncs of its former members can still deliver its last event; listings leave tombstones out.
 */
public interface RoomRepository {

  /**
   * Stores a new room.
   *
   * @throws ConflictException when a room with that id exists
   */
  void create(Room room);

  /** The room, or its tombstone. */
  Optional<Room> find(RoomId id);

  /** Every live room of the type, oldest first. */
  List<Room> listByType(RoomType type);

  /** Rooms of the type deleted by an event after {@code after}. */
  List<Room> listDeletedAfter(RoomType type, EventId after);

  /**
   * Replaces the record of a live room with {@code room} (same id and type: Chat V2 admins change a
   * private room's {@code data}). Atomic against {@link #markDeleted}: a tombstone is never brought
   * back; and against {@link #enableEncryption}: the stored encryption is kept, whatever {@code
   * room} says, so encryption is never turned off.
   *
   * @return false, changing nothing, when the room does not exist or is deleted
   * @throws IllegalArgumentException when the type differs from the stored one
   */
  boolean update(Room room);

  /**
   * Turns end-to-end encryption on for a live room that has none, atomically: of concurrent calls,
   * one changes the room.
   *
   * @return false, changing nothing, when the room does not exist, is deleted or is encrypted
   *     already
   */
  boolean enableEncryption(RoomId id, RoomEncryption encryption);

  /**
   * Removes a tombstone for good (retention: once no sync can still need its deletion event).
   * Conditional: a live room is never removed.
   *
   * @return false, changing nothing, when there is no tombstone with this id
   */
  boolean purgeTombstone(RoomId id);

  /** Turns the room into a tombstone; false when it did not exist or was already deleted. */
  default boolean markDeleted(RoomId id, EventId deletion) {
    return markDeleted(id, deletion, Optional.empty());
  }

  /**
   * Turns the room into a tombstone deleted by the event at {@code deletion}, atomically. A room
   * already deleted at {@code replacing} (a position the same deletion was given before, which the
   * log did not keep) moves to {@code deletion}.
   *
   * @return false, changing nothing, when it did not exist or was deleted otherwise
   */
  boolean markDeleted(RoomId id, EventId deletion, Optional<EventId> replacing);
}
