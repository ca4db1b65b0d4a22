package dev.chatcore.application.stream;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.port.ChatStorage;
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

  private final ChatStorage storage;
  private final Clock clock;

  @Inject
  public RedeemStreamTicket(ChatStorage storage, Clock clock) {
    this.storage = storage;
    this.clock = clock;
  }

  /** @return the caller the ticket was issued to; empty when it is unknown, used already or expired */
  public Optional<Caller> redeem(String value) {
    if (value == null || value.isEmpty() || value.length() > MAX_TICKET_CHARS) return Optional.empty();
    return storage.streamTickets().take(TicketDigest.of(value), clock.instant())
        .map(t -> new Caller(t.account(), t.displayName(), t.admin(), t.device()));
  }
}
