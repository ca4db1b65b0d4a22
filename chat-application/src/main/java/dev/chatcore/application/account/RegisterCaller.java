package dev.chatcore.application.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatcore.application.Caller;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes sure the account behind an authenticated caller is known to the store. Called on every
 * authenticated request; a bounded cache keeps that to one store write per account and name
 * change, not one per request.
 */
public final class RegisterCaller {
  private final ChatStorage storage;
  private final Clock clock;
  private final Cache<AccountId, Account> known =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  @Inject
  public RegisterCaller(ChatStorage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** Returns the stored account of the caller, registering it on first sight. */
  public Account register(Caller caller) {
    Account cached = known.getIfPresent(caller.id());
    boolean sameName = caller.displayName().isEmpty() || caller.displayName().equals(cached == null ? null : cached.displayName());
    if (cached != null && sameName && cached.admin() == caller.admin()) return cached;
    Account stored = storage.accounts().register(new Account(
        caller.id(), caller.displayName(), caller.admin(), clock.instant(), storage.events().head()));
    known.put(caller.id(), stored);
    return stored;
  }
}
