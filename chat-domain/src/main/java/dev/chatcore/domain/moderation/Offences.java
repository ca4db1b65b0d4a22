package dev.chatcore.domain.moderation;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An account's record of automatic-ban offences.
 *
 * @param count offences still counted
 * @param last when the latest offence happened
 */
public record Offences(int count, Optional<Instant> last) {
  public static final Offences NONE = new Offences(0, Optional.empty());

  /**
   * The record after one more offence at {@code now}, first forgiving the clean periods since the
   * last.
   */
  public Offences plusOne(Instant now, Duration decay) {
    return new Offences(decayed(now, decay) + 1, Optional.of(now));
  }

  /** Offences still counted at {@code now}: one is forgiven per full clean {@code decay} period. */
  public int decayed(Instant now, Duration decay) {
    if (last.isEmpty() || count == 0) return 0;
    long clean = Duration.between(last.get(), now).toMillis() / Math.max(1, decay.toMillis());
    return (int) Math.max(0, count - clean);
  }
}
