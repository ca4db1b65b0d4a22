package dev.chatcore.application.message;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import java.util.List;
import java.util.Optional;

/**
 * One page of a room's messages.
 *
 * @param start the {@code from} given, or the first event's id when none was
 * @param end the {@code from} of the next page; empty exactly when nothing further exists
 */
public record HistoryPage(List<Event> chunk, Optional<EventId> start, Optional<EventId> end) {
  public HistoryPage {
    chunk = List.copyOf(chunk);
  }
}
