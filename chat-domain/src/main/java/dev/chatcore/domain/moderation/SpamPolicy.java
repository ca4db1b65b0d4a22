package dev.chatcore.domain.moderation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * When identical messages count as spam, and how long the automatic bans last.
 *
 * @param threshold the weighted number of identical messages in {@code window} that is allowed; one
 *     more is spam. A copy counts 1, or 2 when the copies span more than one room.
 * @param ladder ban durations for the 1st, 2nd, ... offence; the last one is the cap
 * @param decay each full period without an offence forgives one offence
 */
public record SpamPolicy(int threshold, Duration window, List<Duration> ladder, Duration decay) {
  public SpamPolicy {
    if (threshold < 1) throw new IllegalArgumentException("threshold must be positive");
    Objects.requireNonNull(window, "window");
    ladder = List.copyOf(ladder);
    if (ladder.isEmpty()) throw new IllegalArgumentException("ladder must not be empty");
    Objects.requireNonNull(decay, "decay");
  }

  /** SPEC §5: 5 within 60 s; 5 min, 30 min, 2 h, 12 h, 3 days; decay after 7 clean days. */
  public static SpamPolicy defaults() {
    return new SpamPolicy(
        5,
        Duration.ofSeconds(60),
        List.of(
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(12),
            Duration.ofDays(3)),
        Duration.ofDays(7));
  }

  /** The ban for the n-th offence (1-based), capped at the last step. */
  public Duration banFor(int offence) {
    return ladder.get(Math.min(Math.max(offence, 1), ladder.size()) - 1);
  }
}
