package dev.chatcore.application.sync;

import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Deletes expired events (typing notices) from the log. {@link dev.chatcore.application.ChatCore}
 * runs it every few seconds on its timer; reads hide expired events before the purge comes.
 */
public final class PurgeExpiredEvents {
  private final ChatStorage storage;
  private final Clock clock;

  @Inject
  public PurgeExpiredEvents(ChatStorage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** @return how many events were deleted */
  public long purge() {
    return storage.events().purgeExpired(clock.instant());
  }
}
