package dev.chatcore.application.sync;

import dev.chatcore.domain.port.EventLog;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Deletes expired events (typing notices) from the log. {@link dev.chatcore.application.ChatCore}
 * runs it every few seconds on its timer; reads hide expired events before the purge comes.
 */
public final class PurgeExpiredEvents {
  private final EventLog events;
  private final Clock clock;

  @Inject
  public PurgeExpiredEvents(EventLog events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  /**
   * @return how many events were deleted
   */
  public long purge() {
    return events.purgeExpired(clock.instant());
  }
}
