package dev.chatcore.domain.port;

import dev.chatcore.domain.stream.StreamTicket;
import java.time.Instant;
import java.util.Optional;

/** Stream tickets, kept by the digest of their value. Thread-safe. */
public interface StreamTicketRepository {

  /** Stores a new ticket. */
  void save(StreamTicket ticket);

  /**
   * Uses the ticket: removes it and returns it when it is still valid at {@code now}. Empty when it
   * is unknown, used already or expired. Of any number of concurrent takes of one ticket, on any
   * number of nodes, at most one gets it.
   */
  Optional<StreamTicket> take(String digest, Instant now);

  /**
   * Deletes every ticket that expired at or before {@code now} (tickets asked for and never used).
   * Idempotent.
   *
   * @return how many were deleted
   */
  long purgeExpired(Instant now);
}
