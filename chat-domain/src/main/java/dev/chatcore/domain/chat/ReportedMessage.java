package dev.chatcore.domain.chat;

import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message as a report's log keeps it (a snapshot, not a live reference).
 *
 * @param encrypted true for an end-to-end encrypted message: the server never had its text, so
 *     {@code text} is empty and {@code context} absent (a reporter's claim is kept on the report)
 */
public record ReportedMessage(
    EventId id,
    AccountId author,
    String text,
    Optional<JsonObjectText> context,
    Instant createdAt,
    boolean encrypted) {
  /** A plain message. */
  public ReportedMessage(
      EventId id,
      AccountId author,
      String text,
      Optional<JsonObjectText> context,
      Instant createdAt) {
    this(id, author, text, context, createdAt, false);
  }

  public ReportedMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** An encrypted message: who sent it and when, nothing of what it said. */
  public static ReportedMessage encrypted(EventId id, AccountId author, Instant createdAt) {
    return new ReportedMessage(id, author, "", Optional.empty(), createdAt, true);
  }
}
