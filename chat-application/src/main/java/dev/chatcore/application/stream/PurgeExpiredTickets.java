package dev.chatcore.application.stream;

import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Deletes stream tickets that expired unused. {@link dev.chatcore.application.ChatCore} runs it with
 * the purge of expired events; redeeming never accepts an expired ticket, purged or not.
 */
public final class PurgeExpiredTickets {
  private final ChatStorage storage;
  private final Clock clock;

  @Inject
  public PurgeExpiredTickets(ChatStorage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** @return how many tickets were deleted */
  public long purge() {
    return storage.streamTickets().purgeExpired(clock.instant());
  }
}
