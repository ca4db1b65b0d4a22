package dev.chatcore.domain.port;

import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.id.AccountId;
import java.util.List;
import java.util.Optional;

/** Known accounts. Thread-safe. */
public interface AccountRepository {

  /**
   * Stores the account if its id is new and returns the stored one (the first registration wins
   * under concurrency; a later call with another non-empty display name or another admin flag
   * updates those two, and never the first-seen fields).
   */
  Account register(Account account);

  Optional<Account> find(AccountId id);

  long count();

  /** True when some account is an admin. */
  boolean anyAdmin();

  /** Accounts ordered by id, after {@code fromExclusive}. */
  List<Account> list(Optional<AccountId> fromExclusive, int limit);
}
