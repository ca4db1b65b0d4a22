package dev.chatcore.domain.sync;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import java.util.List;
import java.util.Objects;

/**
 * One answer to a sync: events after the cursor in stream order.
 *
 * @param nextBatch the cursor to pass next; never before the request's cursor
 * @param limited true when more events were waiting than one answer may carry
 */
public record SyncBatch(List<Event> events, EventId nextBatch, boolean limited) {
  public SyncBatch {
    events = List.copyOf(events);
    Objects.requireNonNull(nextBatch, "nextBatch");
  }

  /** An answer with nothing new. */
  public static SyncBatch empty(EventId since) {
    return new SyncBatch(List.of(), since, false);
  }
}
