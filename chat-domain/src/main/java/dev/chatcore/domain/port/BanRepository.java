package dev.chatcore.domain.port;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.moderation.Offences;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Service-wide bans (at most one per account), each account's ban history, and the offence record
 * behind automatic bans. Thread-safe.
 */
public interface BanRepository {

  /**
   * Creates or replaces the account's ban, and adds it to the account's {@linkplain #history
   * history}.
   */
  void put(Ban ban);

  /**
   * The bans ever {@linkplain #put put} for the account, newest first (by {@code createdOn}, then
   * the order they were put), at most {@code limit}. Replacing, removing or purging a ban keeps it
   * here: moderators judge repeat offenders by it.
   */
  List<Ban> history(AccountId account, int limit);

  /** The account's ban, active or expired, until it is removed. */
  Optional<Ban> find(AccountId account);

  /** Removes the account's ban; false when there was none. The offence record stays. */
  boolean remove(AccountId account);

  /** Bans ordered by account id, {@code offset} and {@code limit} for paging. */
  List<Ban> list(int offset, int limit);

  long count();

  Offences offences(AccountId account);

  void putOffences(AccountId account, Offences offences);

  /**
   * Deletes at most {@code limit} bans that ended at or before {@code now} (never permanent ones);
   * the offence records stay, since the spam ladder decays on its own clock.
   *
   * @return how many were deleted (fewer than {@code limit}: none is left)
   */
  int purgeExpired(Instant now, int limit);
}
