package dev.chatcore.adapter.memory;

import dev.chatcore.domain.chat.Preferences;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.PreferencesRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Preferences in a concurrent map keyed by account: one record per account by construction. */
public final class InMemoryPreferencesRepository implements PreferencesRepository {
  private final Map<AccountId, Preferences> records = new ConcurrentHashMap<>();

  @Override
  public Preferences findOrCreate(AccountId account, String newId, Instant now) {
    return records.computeIfAbsent(
        account, a -> new Preferences(newId, a, Optional.empty(), now, now));
  }

  @Override
  public Preferences replace(
      AccountId account, JsonObjectText settings, String newId, Instant now) {
    return records.compute(
        account,
        (a, old) ->
            old == null
                ? new Preferences(newId, a, Optional.of(settings), now, now)
                : new Preferences(old.id(), a, Optional.of(settings), old.createdAt(), now));
  }
}
