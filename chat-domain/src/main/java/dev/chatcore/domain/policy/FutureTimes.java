package dev.chatcore.domain.policy;

import dev.chatcore.domain.error.InvalidInputException;
import java.time.Duration;
import java.time.Instant;

/**
 * Bounds on the times an admin sets ahead of now (message and announcement expirations, ban
 * durations): after now and at most {@link #MAX_AHEAD} later, so that every store can hold them
 * (Mongo dates are milliseconds in a long) and no arithmetic on them overflows.
 */
public final class FutureTimes {
  /** About a century. */
  public static final Duration MAX_AHEAD = Duration.ofDays(36_500);

  private FutureTimes() {}

  /**
   * @throws InvalidInputException naming {@code field} unless {@code at} is after {@code now} and
   *     at most {@link #MAX_AHEAD} later
   */
  public static Instant expiry(Instant now, Instant at, String field) {
    if (!at.isAfter(now)) throw new InvalidInputException(field, "must be in the future");
    if (at.isAfter(now.plus(MAX_AHEAD)))
      throw new InvalidInputException(field, "must be at most 100 years ahead");
    return at;
  }

  /**
   * @throws InvalidInputException naming {@code field} unless {@code length} is from one second to
   *     {@link #MAX_AHEAD}
   */
  public static Duration duration(Duration length, String field) {
    if (length.toSeconds() < 1 || length.compareTo(MAX_AHEAD) > 0) {
      throw new InvalidInputException(
          field, "must be from 1 second to 100 years (" + MAX_AHEAD.toSeconds() + " s)");
    }
    return length;
  }
}
