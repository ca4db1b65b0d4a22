package dev.chatcore.domain.port;

import dev.chatcore.domain.id.AccountId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When each player was last active (drives the removal of idle players from global rooms).
 * Thread-safe; a store without locks keeps one document per account and writes with {@code $max}.
 */
public interface ActivityRepository {

  /** Records activity at {@code at}; an older time than the stored one changes nothing. */
  void touch(AccountId account, Instant at);

  Optional<Instant> lastActive(AccountId account);

  /** Accounts last active before {@code cutoff}, least recently active first. */
  List<AccountId> idleSince(Instant cutoff, int limit);

  /**
   * Forgets the account when it is still idle (last active before {@code cutoff}). Atomic with
   * {@link #touch}: a touch that lands first keeps the record.
   *
   * @return true when the record was removed
   */
  boolean forgetIfIdle(AccountId account, Instant cutoff);
}
