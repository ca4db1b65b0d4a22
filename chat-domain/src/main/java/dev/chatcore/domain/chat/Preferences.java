package dev.chatcore.domain.chat;

import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A player's client-owned settings blob: one record per account.
 *
 * @param id 24-hex record id
 * @param settings the object last written; empty until the first write
 * @param updatedAt the last write (equals {@code createdAt} before any); reads never move it
 */
public record Preferences(
    String id,
    AccountId account,
    Optional<JsonObjectText> settings,
    Instant createdAt,
    Instant updatedAt) {
  public Preferences {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }
}
