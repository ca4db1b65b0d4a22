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
 * @param expiresAt when present, the instant from which the log no longer returns the event (typing
 *     notices, and messages by their room's retention); empty for lasting events
 * @param updatedAt when an admin last edited the message (Chat V2 {@code updatedOn}); empty if
 *     never
 * @param editedBy the admin who last edited it
 */
public record Event(
    EventId id,
    RoomId room,
    AccountId sender,
    Instant originTs,
    EventContent content,
    Optional<String> txnId,
    Optional<Instant> expiresAt,
    Optional<Instant> updatedAt,
    Optional<AccountId> editedBy) {

  /** An event never edited. */
  public Event(
      EventId id,
      RoomId room,
      AccountId sender,
      Instant originTs,
      EventContent content,
      Optional<String> txnId,
      Optional<Instant> expiresAt) {
    this(id, room, sender, originTs, content, txnId, expiresAt, Optional.empty(), Optional.empty());
  }

  public Event {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(originTs, "originTs");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(txnId, "txnId");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(editedBy, "editedBy");
  }

  /** A lasting event (no expiry). */
  public Event(
      EventId id,
      RoomId room,
      AccountId sender,
      Instant originTs,
      EventContent content,
      Optional<String> txnId) {
    this(id, room, sender, originTs, content, txnId, Optional.empty());
  }

  /** This message after an admin's edit: same position, sender and time; new content and expiry. */
  public Event edited(
      EventContent.Message newContent, Optional<Instant> newExpiry, Instant at, AccountId editor) {
    return new Event(
        id,
        room,
        sender,
        originTs,
        newContent,
        txnId,
        newExpiry,
        Optional.of(at),
        Optional.of(editor));
  }

  /** The later of creation and last edit: what Chat V2's unread rule compares. */
  public Instant lastChange() {
    return updatedAt.filter(u -> u.isAfter(originTs)).orElse(originTs);
  }

  public EventType type() {
    return content.type();
  }

  /**
   * True for events that history pages show, unread counts count and retention expires: chat
   * messages, plain or end-to-end encrypted.
   */
  public boolean isMessage() {
    return content instanceof EventContent.Message || content instanceof EventContent.Encrypted;
  }

  /** True when the event has an expiry and {@code now} is at or past it. */
  public boolean isExpiredAt(Instant now) {
    return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
  }
}
