package dev.chatcore.domain.account;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import java.time.Instant;
import java.util.Objects;

/**
 * A known account. Accounts appear when an invite is redeemed or when a token for a new {@code sub}
 * is first seen (tokens from the external authentication service).
 *
 * @param firstSeen when the server first saw the account
 * @param firstSeenEvent the stream head at that moment: automatic channel membership, and so unread
 *     counting, starts after it
 */
public record Account(
    AccountId id, String displayName, boolean admin, Instant firstSeen, EventId firstSeenEvent) {
  public Account {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(firstSeenEvent, "firstSeenEvent");
  }
}
