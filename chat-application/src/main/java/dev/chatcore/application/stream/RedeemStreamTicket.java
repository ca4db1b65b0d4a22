package dev.chatcore.application.stream;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.port.StreamTicketRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Uses a stream ticket ({@link IssueStreamTicket}). Taking a ticket removes it (on MongoDB
 * atomically across nodes), so it works once, on whichever node the client reaches.
 */
public final class RedeemStreamTicket {
  /** Longer input is no ticket of ours: refused before hashing. */
  private static final int MAX_TICKET_CHARS = 64;

  private final StreamTicketRepository tickets;
  private final Clock clock;

  @Inject
  public RedeemStreamTicket(StreamTicketRepository tickets, Clock clock) {
    this.tickets = tickets;
    this.clock = clock;
  }

  /**
   * @return the caller the ticket was issued to; empty when it is unknown, used already or expired
   */
  public Optional<Caller> redeem(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_TICKET_CHARS)
      return Optional.empty();
    return tickets
        .take(TicketDigest.of(value), clock.instant())
        .map(t -> new Caller(t.account(), t.displayName(), t.admin(), t.device()));
  }
}
