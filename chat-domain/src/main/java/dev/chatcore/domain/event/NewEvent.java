package dev.chatcore.domain.event;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An event before the log has given it a position. */
public record NewEvent(
    RoomId room, AccountId sender, Instant originTs, EventContent content, Optional<String> txnId) {

  public NewEvent {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(originTs, "originTs");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(txnId, "txnId");
  }

  public NewEvent(RoomId room, AccountId sender, Instant originTs, EventContent content) {
    this(room, sender, originTs, content, Optional.empty());
  }

  /** The stored event once the log assigned {@code id}. */
  public Event at(EventId id) {
    return new Event(id, room, sender, originTs, content, txnId);
  }
}
