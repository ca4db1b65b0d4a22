package dev.chatcore.domain.chat;

import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A system-wide message shown in every player response while active. Admins create them (the admin
 * API) and may edit them like any message; players only read them.
 *
 * @param id 24-hex id
 * @param expiresAt the announcement is active while {@code now < expiresAt}
 * @param updatedAt when an admin last edited it; empty when never
 * @param editedBy the admin of the last edit; empty when never edited
 */
public record Announcement(
    String id,
    AccountId author,
    String text,
    Optional<JsonObjectText> context,
    Instant createdAt,
    Instant expiresAt,
    Optional<Instant> updatedAt,
    Optional<AccountId> editedBy) {
  public Announcement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    Objects.requireNonNull(editedBy, "editedBy");
  }

  /** A new, never edited announcement. */
  public Announcement(
      String id,
      AccountId author,
      String text,
      Optional<JsonObjectText> context,
      Instant createdAt,
      Instant expiresAt) {
    this(id, author, text, context, createdAt, expiresAt, Optional.empty(), Optional.empty());
  }

  public boolean isActive(Instant now) {
    return now.isBefore(expiresAt);
  }

  /** The same announcement expiring at {@code at}. */
  public Announcement expiringAt(Instant at) {
    return new Announcement(id, author, text, context, createdAt, at, updatedAt, editedBy);
  }

  /** The announcement after an admin's edit at {@code at}: same id, author and creation time. */
  public Announcement edited(
      String newText,
      Optional<JsonObjectText> newContext,
      Instant newExpiry,
      Instant at,
      AccountId editor) {
    return new Announcement(
        id,
        author,
        newText,
        newContext,
        createdAt,
        newExpiry,
        Optional.of(at),
        Optional.of(editor));
  }
}
