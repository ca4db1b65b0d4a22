package dev.chatcore.domain.chat;

import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A system-wide message shown in every player response while active. Admins create them (the
 * admin API); players only read them.
 *
 * @param id 24-hex id
 * @param expiresAt the announcement is active while {@code now < expiresAt}
 */
public record Announcement(String id, AccountId author, String text, Optional<JsonObjectText> context,
    Instant createdAt, Instant expiresAt) {
  public Announcement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean isActive(Instant now) {
    return now.isBefore(expiresAt);
  }
}
