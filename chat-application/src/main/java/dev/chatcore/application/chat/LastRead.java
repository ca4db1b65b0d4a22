package dev.chatcore.application.chat;

import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.policy.FutureTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A client's {@code lastRead}: Unix seconds, or milliseconds when the value is at least {@link
 * #MILLIS_THRESHOLD}. In seconds the match is inclusive ({@code createdOn >= lastRead}, so the last
 * second is delivered again and the client de-duplicates by id); in milliseconds it is exact
 * ({@code createdOnMs > lastRead}).
 *
 * @param from the earliest {@code originTs} that matches
 * @param millis true when the client spoke milliseconds
 */
public record LastRead(Instant from, boolean millis) {
  /** 10^11: as seconds that is the year 5138, as milliseconds 1973. */
  public static final long MILLIS_THRESHOLD = 100_000_000_000L;

  /** What a request without {@code lastRead} asks for. */
  public static final Duration DEFAULT_LOOKBACK = Duration.ofDays(1);

  /**
   * @param raw the value the client sent, if any
   * @throws InvalidInputException for a negative value ({@code lastRead})
   */
  public static LastRead of(Optional<Long> raw, Instant now) {
    if (raw.isEmpty())
      return new LastRead(
          Instant.ofEpochSecond(now.minus(DEFAULT_LOOKBACK).getEpochSecond()), false);
    long v = raw.get();
    if (v < 0) throw new InvalidInputException("lastRead", "must not be negative");
    if (v >= MILLIS_THRESHOLD)
      return new LastRead(latest(Instant.ofEpochMilli(v).plusMillis(1), now), true);
    return new LastRead(latest(Instant.ofEpochSecond(v), now), false);
  }

  /**
   * A time past every message: what a later {@code lastRead} matches anyway (nothing), in a range
   * every store can hold (a Mongo date is milliseconds in a long).
   */
  private static Instant latest(Instant from, Instant now) {
    Instant horizon = now.plus(FutureTimes.MAX_AHEAD);
    return from.isAfter(horizon) ? horizon : from;
  }

  /** The timestamp of {@code at} in the client's unit (whole seconds or milliseconds). */
  public long unit(Instant at) {
    return millis ? at.toEpochMilli() : at.getEpochSecond();
  }
}
