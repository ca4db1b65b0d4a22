package dev.chatcore.domain.error;

import java.time.Duration;

/** Too many requests: come back after the cooldown. */
public final class RateLimitedException extends ChatException {
  private final Duration retryAfter;

  public RateLimitedException(Duration retryAfter) {
    super("too many requests; retry after " + Math.max(1, retryAfter.toSeconds()) + " s");
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
