package dev.chatcore.application.account;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatcore.application.Caller;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.EventLog;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes sure the account behind an authenticated caller is known to the store. Called on every
 * authenticated request; a bounded cache keeps that to one store write per account and name change,
 * not one per request. One per core (its cache is what spares the store).
 */
@Singleton
public final class RegisterCaller {
  private final AccountRepository accounts;
  private final EventLog events;
  private final Clock clock;
  private final Cache<AccountId, Account> known =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofMinutes(10)).build();

  @Inject
  public RegisterCaller(AccountRepository accounts, EventLog events, Clock clock) {
    this.accounts = accounts;
    this.events = events;
    this.clock = clock;
  }

  /** Returns the stored account of the caller, registering it on first sight. */
  public Account register(Caller caller) {
    Account cached = known.getIfPresent(caller.id());
    boolean sameName =
        caller.displayName().isEmpty()
            || caller.displayName().equals(cached == null ? null : cached.displayName());
    if (cached != null && sameName && cached.admin() == caller.admin()) return cached;
    Account stored =
        accounts.register(
            new Account(
                caller.id(), caller.displayName(), caller.admin(), clock.instant(), events.head()));
    known.put(caller.id(), stored);
    return stored;
  }
}
