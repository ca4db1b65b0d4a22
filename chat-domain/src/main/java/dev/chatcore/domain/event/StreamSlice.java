package dev.chatcore.domain.event;

import dev.chatcore.domain.id.EventId;
import java.util.List;
import java.util.Objects;

/**
 * A read of the stream after a cursor.
 *
 * <p>A store learns whether a read is limited by asking for one event more than the limit ({@link
 * #fetchSize}) and handing what it found to {@link #fromFetched}, which keeps the limit and says
 * where the next read starts; no adapter repeats that rule.
 *
 * @param events matching events in stream order
 * @param upTo every position up to here was considered: the next cursor (events after it were not
 *     looked at). Equals the last event's id when {@code limited}.
 * @param limited true when more matching events exist after {@code upTo}
 */
public record StreamSlice(List<Event> events, EventId upTo, boolean limited) {
  public StreamSlice {
    events = List.copyOf(events);
    Objects.requireNonNull(upTo, "upTo");
  }

  /**
   * How many events a store fetches for a read of at most {@code limit}: one more, which tells
   * whether the slice is limited.
   */
  public static int fetchSize(int limit) {
    return limit + 1;
  }

  /**
   * The slice of a read that fetched {@link #fetchSize(int) fetchSize(limit)} events (or more):
   * with more than {@code limit} it keeps the first {@code limit}, is limited and ends at the last
   * one kept; otherwise it holds them all and covers every position up to {@code snapshot}.
   *
   * @param fetched matching events after the cursor and at or below {@code snapshot}, in stream
   *     order
   * @param limit at least 1
   * @param snapshot the highest position the read considered
   */
  public static StreamSlice fromFetched(List<Event> fetched, int limit, EventId snapshot) {
    if (fetched.size() <= limit) return new StreamSlice(fetched, snapshot, false);
    List<Event> page = fetched.subList(0, limit);
    return new StreamSlice(page, page.getLast().id(), true);
  }
}
