package dev.chatcore.application.member;

import dev.chatcore.domain.id.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * One member of a room as listings show it.
 *
 * @param displayName the account's display name; empty when it has none
 * @param joinedAt when it joined (for automatic channel membership: when the account or the channel
 *     appeared, whichever was later)
 */
public record MemberView(AccountId account, String displayName, Instant joinedAt) {
  public MemberView {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(joinedAt, "joinedAt");
  }
}
