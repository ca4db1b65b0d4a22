package dev.chatcore.domain.event;

import dev.chatcore.domain.id.EventId;
import java.util.List;
import java.util.Objects;

/**
 * A read of the stream after a cursor.
 *
 * @param events matching events in stream order
 * @param upTo every position up to here was considered: the next cursor (events after it were
 *     not looked at). Equals the last event's id when {@code limited}.
 * @param limited true when more matching events exist after {@code upTo}
 */
public record StreamSlice(List<Event> events, EventId upTo, boolean limited) {
  public StreamSlice {
    events = List.copyOf(events);
    Objects.requireNonNull(upTo, "upTo");
  }
}
