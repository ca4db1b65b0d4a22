package dev.chatcore.application.stream;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.StreamTicketRepository;
import dev.chatcore.domain.stream.StreamTicket;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Issues a single-use, short-lived ticket that opens one live stream where the client cannot send a
 * bearer token (a browser's EventSource or WebSocket): the client trades its token for a ticket and
 * passes the ticket in the URL, so the token itself never appears in a URL or an access log. A
 * ticket is 256 random bits; the store keeps only its SHA-256, so a copy of the store opens
 * nothing. See {@link RedeemStreamTicket}.
 */
public final class IssueStreamTicket {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** An issued ticket and how long it may be used. */
  public record Ticket(String value, Duration expiresIn) {}

  private final StreamTicketRepository tickets;
  private final Duration lifetime;
  private final Clock clock;

  @Inject
  public IssueStreamTicket(StreamTicketRepository tickets, Limits limits, Clock clock) {
    this.tickets = tickets;
    this.lifetime = limits.streams().ticketLifetime();
    this.clock = clock;
  }

  /** A ticket that authenticates as {@code caller} once, within the ticket lifetime. */
  public Ticket issue(Caller caller) {
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    tickets.save(
        new StreamTicket(
            TicketDigest.of(value),
            caller.id(),
            caller.displayName(),
            caller.admin(),
            caller.device(),
            clock.instant().plus(lifetime)));
    return new Ticket(value, lifetime);
  }
}
