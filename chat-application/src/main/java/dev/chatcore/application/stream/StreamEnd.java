package dev.chatcore.application.stream;

import java.util.Objects;
import java.util.Optional;

/**
 * Why a live stream ended. Every end but {@link Reason#FAILED} is routine: the client resumes from
 * the last event id it got, with nothing skipped or repeated.
 *
 * @param failure present exactly for {@link Reason#FAILED}: the refusal ({@code BannedException})
 *     or the storage failure, for the transport to report
 */
public record StreamEnd(Reason reason, Optional<RuntimeException> failure) {
  /** The reasons. */
  public enum Reason {
    /** The client went away, or the host closed the subscription. */
    CLOSED,
    /** The server is stopping. */
    SHUTDOWN,
    /** The stream reached its maximum lifetime. */
    LIFETIME,
    /** More was waiting for the client than the bound allows: it does not read fast enough. */
    SLOW_CONSUMER,
    /** The account opened more streams than it may hold; this was its oldest. */
    REPLACED,
    /** A read was refused (the account was banned) or failed (storage unavailable). */
    FAILED
  }

  public StreamEnd {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(failure, "failure");
    if ((reason == Reason.FAILED) != failure.isPresent()) {
      throw new IllegalArgumentException("a failure goes with FAILED and only with it");
    }
  }

  /** A routine end. */
  public static StreamEnd of(Reason reason) {
    return new StreamEnd(reason, Optional.empty());
  }

  /** An end by a refusal or a failure. */
  public static StreamEnd failed(RuntimeException failure) {
    return new StreamEnd(Reason.FAILED, Optional.of(failure));
  }
}
