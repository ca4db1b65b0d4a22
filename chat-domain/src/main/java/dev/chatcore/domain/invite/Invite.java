package dev.chatcore.domain.invite;

import dev.chatcore.domain.id.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invite code that creates accounts.
 *
 * @param code 24 random hex characters
 * @param usesLeft how many more accounts it may create
 * @param grantsAdmin true for the one-time admin invite printed at first start
 * @param createdBy the admin who made it, absent for the server's own admin invite
 */
public record Invite(
    String code,
    int usesLeft,
    Instant expiresAt,
    boolean revoked,
    boolean grantsAdmin,
    Optional<AccountId> createdBy,
    Instant createdAt) {

  public Invite {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    if (usesLeft < 0) throw new IllegalArgumentException("usesLeft < 0");
  }

  /** True when the code may still create an account at {@code now}. */
  public boolean isRedeemable(Instant now) {
    return !revoked && usesLeft > 0 && now.isBefore(expiresAt);
  }
}
