package dev.chatcore.domain.event;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the event stream. Immutable once appended.
 *
 * @param id stream position, also the cursor
 * @param sender the account that caused it
 * @param originTs when the server accepted it
 * @param txnId the client's transaction id, when the sender gave one (idempotency key)
 * @param expiresAt when present, the instant from which the log no longer returns the event
 *     (ephemeral events such as typing notices); empty for lasting events
 */
public record Event(
    EventId id, RoomId room, AccountId sender, Instant originTs, EventContent content, Optional<String> txnId,
    Optional<Instant> expiresAt) {

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(originTs, "originTs");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(txnId, "txnId");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** A lasting event (no expiry). */
  public Event(EventId id, RoomId room, AccountId sender, Instant originTs, EventContent content,
      Optional<String> txnId) {
    this(id, room, sender, originTs, content, txnId, Optional.empty());
  }

  public EventType type() {
    return content.type();
  }

  /** True for events that history pages show (chat messages). */
  public boolean isMessage() {
    return content instanceof EventContent.Message;
  }

  /** True when the event has an expiry and {@code now} is at or past it. */
  public boolean isExpiredAt(Instant now) {
    return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
  }
}
