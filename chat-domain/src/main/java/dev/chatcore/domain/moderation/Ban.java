package dev.chatcore.domain.moderation;

import dev.chatcore.domain.id.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A service-wide ban of an account: every endpoint of both APIs refuses it with 401 {@code banned}.
 *
 * @param until when it ends; empty for a permanent ban (only admins issue those)
 * @param automatic true when the spam detector issued it
 * @param by the admin who issued it; empty for automatic bans
 */
public record Ban(
    AccountId account,
    Optional<Instant> until,
    String reason,
    boolean automatic,
    Instant createdOn,
    Optional<AccountId> by) {

  public Ban {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(createdOn, "createdOn");
    Objects.requireNonNull(by, "by");
    if (automatic && until.isEmpty())
      throw new IllegalArgumentException("automatic bans are never permanent");
  }

  /** True while the ban is in force at {@code now}. */
  public boolean isActive(Instant now) {
    return until.map(now::isBefore).orElse(true);
  }
}
