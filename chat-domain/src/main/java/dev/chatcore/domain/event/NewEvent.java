package dev.chatcore.domain.event;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An event before the log has given it a position.
 *
 * @param expiresAt when present, the log stops returning the event from this instant on and {@link
 *     dev.chatcore.domain.port.EventLog#purgeExpired purges} it (typing notices)
 */
public record NewEvent(
    RoomId room,
    AccountId sender,
    Instant originTs,
    EventContent content,
    Optional<String> txnId,
    Optional<Instant> expiresAt) {

  public NewEvent {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(originTs, "originTs");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(txnId, "txnId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** A lasting event with an optional transaction id. */
  public NewEvent(
      RoomId room,
      AccountId sender,
      Instant originTs,
      EventContent content,
      Optional<String> txnId) {
    this(room, sender, originTs, content, txnId, Optional.empty());
  }

  public NewEvent(RoomId room, AccountId sender, Instant originTs, EventContent content) {
    this(room, sender, originTs, content, Optional.empty(), Optional.empty());
  }

  /** An event that expires at {@code expiresAt} (no transaction id). */
  public static NewEvent expiring(
      RoomId room, AccountId sender, Instant originTs, EventContent content, Instant expiresAt) {
    return new NewEvent(room, sender, originTs, content, Optional.empty(), Optional.of(expiresAt));
  }

  /** The stored event once the log assigned {@code id}. */
  public Event at(EventId id) {
    return new Event(id, room, sender, originTs, content, txnId, expiresAt);
  }
}
