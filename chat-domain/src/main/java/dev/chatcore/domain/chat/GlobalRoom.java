package dev.chatcore.domain.chat;

import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;

/**
 * A global room as the seat directory sees it.
 *
 * @param number the friendly number, 1-based, unique and never reused
 * @param memberCount members at the moment this value was read
 */
public record GlobalRoom(RoomId id, int number, Instant createdAt, int memberCount) {
  public GlobalRoom {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(createdAt, "createdAt");
    if (number < 1) throw new IllegalArgumentException("number must be at least 1");
    if (memberCount < 0) throw new IllegalArgumentException("memberCount < 0");
  }
}
