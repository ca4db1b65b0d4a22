package dev.chatcore.domain.port;

import dev.chatcore.domain.chat.Preferences;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import java.time.Instant;

/**
 * Player preferences: one record per account (unique by account under concurrency). Thread-safe.
 */
public interface PreferencesRepository {

  /**
   * The account's record, created with {@code newId}, no settings and {@code now} as both times
   * when it has none. Never changes an existing record.
   */
  Preferences findOrCreate(AccountId account, String newId, Instant now);

  /**
   * Replaces the settings wholesale and sets {@code updatedAt = now}, creating the record (with
   * {@code newId}) when missing. Concurrent replaces: the last one wins, whole.
   */
  Preferences replace(AccountId account, JsonObjectText settings, String newId, Instant now);
}
