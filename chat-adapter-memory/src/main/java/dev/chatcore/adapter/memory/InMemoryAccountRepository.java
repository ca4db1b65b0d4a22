package dev.chatcore.adapter.memory;

import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.AccountRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** Accounts in a sorted concurrent map. */
public final class InMemoryAccountRepository implements AccountRepository {
  private final NavigableMap<AccountId, Account> accounts = new ConcurrentSkipListMap<>();

  @Override
  public Account register(Account account) {
    return accounts.compute(
        account.id(),
        (id, existing) -> {
          if (existing == null) return account;
          String name =
              account.displayName().isEmpty() ? existing.displayName() : account.displayName();
          if (existing.displayName().equals(name) && existing.admin() == account.admin())
            return existing;
          return new Account(
              id, name, account.admin(), existing.firstSeen(), existing.firstSeenEvent());
        });
  }

  @Override
  public Optional<Account> find(AccountId id) {
    return Optional.ofNullable(accounts.get(id));
  }

  @Override
  public long count() {
    return accounts.size();
  }

  @Override
  public boolean anyAdmin() {
    return accounts.values().stream().anyMatch(Account::admin);
  }

  @Override
  public List<Account> list(Optional<AccountId> fromExclusive, int limit) {
    NavigableMap<AccountId, Account> tail =
        fromExclusive.map(f -> accounts.tailMap(f, false)).orElse(accounts);
    List<Account> out = new ArrayList<>(Math.min(limit, 128));
    for (Account a : tail.values()) {
      if (out.size() == limit) break;
      out.add(a);
    }
    return out;
  }
}
