package dev.chatcore.domain.error;

import java.time.Instant;
import java.util.Optional;

/** The account is banned from the whole service, until a time or permanently. */
public final class BannedException extends ChatException {
  private final Instant until;
  private final String reason;

  /**
   * @param until when the ban ends; null for a permanent ban
   * @param reason the reason shown to the client
   */
  public BannedException(Instant until, String reason) {
    super("account is banned");
    this.until = until;
    this.reason = reason;
  }

  /** When the ban ends; empty for a permanent ban. */
  public Optional<Instant> until() {
    return Optional.ofNullable(until);
  }

  public String reason() {
    return reason;
  }
}
