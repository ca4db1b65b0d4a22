package dev.chatcore.application.stream;

import dev.chatcore.domain.port.StreamTicketRepository;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Deletes stream tickets that expired unused. {@link dev.chatcore.application.ChatCore} runs it
 * with the purge of expired events; redeeming never accepts an expired ticket, purged or not.
 */
public final class PurgeExpiredTickets {
  private final StreamTicketRepository tickets;
  private final Clock clock;

  @Inject
  public PurgeExpiredTickets(StreamTicketRepository tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * @return how many tickets were deleted
   */
  public long purge() {
    return tickets.purgeExpired(clock.instant());
  }
}
