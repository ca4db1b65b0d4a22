package dev.chatcore.domain.chat;

import dev.chatcore.domain.id.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * What a reporter says an end-to-end encrypted message said. Unverified by construction: the server
 * cannot decrypt the message, so a moderator weighs the claim like testimony (who claims it,
 * whether other reporters agree), never as the message itself.
 */
public record PlaintextClaim(AccountId reporter, String text, Instant at) {
  /** Longest claim kept, in characters: a message's text limit is smaller. */
  public static final int MAX_CHARS = 4000;

  public PlaintextClaim {
    Objects.requireNonNull(reporter, "reporter");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
  }
}
