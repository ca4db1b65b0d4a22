package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.StreamTicketRepository;
import dev.chatcore.domain.stream.StreamTicket;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Stream tickets in a concurrent map: taking one is an atomic remove. */
public final class InMemoryStreamTicketRepository implements StreamTicketRepository {
  private final Map<String, StreamTicket> tickets = new ConcurrentHashMap<>();

  @Override
  public void save(StreamTicket ticket) {
    tickets.put(ticket.digest(), ticket);
  }

  @Override
  public Optional<StreamTicket> take(String digest, Instant now) {
    return Optional.ofNullable(tickets.remove(digest)).filter(t -> t.isValidAt(now));
  }

  @Override
  public long purgeExpired(Instant now) {
    long before = tickets.size();
    tickets.values().removeIf(t -> !t.isValidAt(now));
    return Math.max(0, before - tickets.size());
  }
}
