package dev.chatcore.application.message;

import dev.chatcore.application.Caller;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.EventLog;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** Pages through a room's messages, backwards (newest first) or forwards (oldest first). */
public final class ReadHistory {
  /**
   * @param from exclusive start; empty starts at the newest (backward) or oldest (forward) message
   * @param limit page size; empty means the configured default, above the max is clamped
   */
  public record Query(
      Caller caller, RoomId room, Optional<EventId> from, Direction direction, OptionalInt limit) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(direction, "direction");
      Objects.requireNonNull(limit, "limit");
    }
  }

  private final EventLog events;
  private final RoomAccess access;
  private final Limits limits;
  private final MessageAggregates aggregates;

  @Inject
  public ReadHistory(
      EventLog events, RoomAccess access, Limits limits, MessageAggregates aggregates) {
    this.events = events;
    this.access = access;
    this.limits = limits;
    this.aggregates = aggregates;
  }

  /**
   * @throws InvalidInputException when the limit is below 1
   * @throws dev.chatcore.domain.error.NotFoundException when the room does not exist or is hidden
   * @throws dev.chatcore.domain.error.ForbiddenException when the caller (not an admin) is not a
   *     member
   */
  public HistoryPage read(Query query) {
    int limit = query.limit().orElse(limits.historyLimitDefault());
    if (limit < 1) throw new InvalidInputException("limit", "must be at least 1");
    limit = Math.min(limit, limits.historyLimitMax());
    Caller caller = query.caller();
    if (caller.admin())
      access.visibleRoom(caller.id(), true, query.room()); // admins may read any room
    else access.memberRoom(caller.id(), false, query.room());
    List<Event> found =
        events.readMessages(query.room(), query.from(), query.direction(), limit + 1);
    boolean more = found.size() > limit;
    List<Event> chunk = more ? found.subList(0, limit) : found;
    Optional<EventId> start =
        query.from().or(() -> chunk.isEmpty() ? Optional.empty() : Optional.of(chunk.get(0).id()));
    Optional<EventId> end = more ? Optional.of(chunk.get(limit - 1).id()) : Optional.empty();
    return new HistoryPage(chunk, start, end, aggregates.summarize(caller.id(), chunk));
  }
}
