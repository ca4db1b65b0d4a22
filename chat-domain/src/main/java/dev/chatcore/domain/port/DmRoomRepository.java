package dev.chatcore.domain.port;

import dev.chatcore.domain.chat.DmKey;
import dev.chatcore.domain.id.RoomId;
import java.util.Optional;

/**
 * The open DM room of each member set: a unique index from {@link DmKey} to room. Thread-safe; on a
 * store without locks, a unique index on the key.
 */
public interface DmRoomRepository {

  /** The open DM room of exactly this member set. */
  Optional<RoomId> find(DmKey key);

  /**
   * Gives the key to {@code candidate} unless another room holds it. Atomic: concurrent claims of
   * one key all return the same room.
   *
   * @return the room that holds the key afterwards ({@code candidate} when this call won)
   */
  RoomId claim(DmKey key, RoomId candidate);

  /**
   * Frees the key held by {@code room} (its member set changed), so the same set creates a new
   * room. Does nothing when the room holds no key. Idempotent.
   */
  void release(RoomId room);
}
