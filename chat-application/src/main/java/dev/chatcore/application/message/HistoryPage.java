package dev.chatcore.application.message;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a room's messages.
 *
 * @param start the {@code from} given, or the first event's id when none was
 * @param end the {@code from} of the next page; empty exactly when nothing further exists
 * @param summaries reactions and {@code read_by} of each message of the chunk, for the reader
 */
public record HistoryPage(
    List<Event> chunk,
    Optional<EventId> start,
    Optional<EventId> end,
    Map<EventId, MessageSummary> summaries) {
  public HistoryPage {
    chunk = List.copyOf(chunk);
    summaries = Map.copyOf(summaries);
  }

  /** A page without aggregates. */
  public HistoryPage(List<Event> chunk, Optional<EventId> start, Optional<EventId> end) {
    this(chunk, start, end, Map.of());
  }

  /** The summary of a message of the chunk ({@link MessageSummary#NONE} when it has none). */
  public MessageSummary summary(EventId message) {
    return summaries.getOrDefault(message, MessageSummary.NONE);
  }
}
