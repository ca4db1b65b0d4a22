package dev.chatcore.application.embed;

import dev.chatcore.domain.id.EventId;

/**
 * Ends a {@link Chat#events} publisher whose subscriber left more batches unrequested than the
 * stream bound allows ({@code StreamLimits.queuedEventsMax}): the chat drops them rather than keep
 * them without bound. Subscribing again from {@link #resumeFrom()} continues exactly after the last
 * batch the subscriber got.
 */
public final class SlowSubscriberException extends RuntimeException {
  private final transient EventId resumeFrom;

  SlowSubscriberException(EventId resumeFrom) {
    super("the subscriber did not request batches fast enough; resume from " + resumeFrom);
    this.resumeFrom = resumeFrom;
  }

  /**
   * Where to subscribe again.
   *
   * @return the {@code nextBatch} of the last batch the subscriber received (or the subscription's
   *     cursor when it received none)
   */
  public EventId resumeFrom() {
    return resumeFrom;
  }
}
