package dev.chatcore.application.room;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberTimeline;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a sync may deliver, decided for each event by its stream position alone: every event of an
 * {@code always} room (a channel the account never left: membership there is automatic), the events
 * of other rooms at positions the account's {@link MemberTimeline} {@linkplain MemberTimeline#sees
 * sees}, and nothing of a deleted room after its {@code m.room.deleted}.
 *
 * <p>Every sync read and every live-stream batch builds one, so {@link RoomAccess} hands it the
 * collections it just built instead of having them copied, and the set of rooms to read is built
 * once, not on each call. Immutable.
 */
public final class SyncScope {
  private final Set<RoomId> always;
  private final Map<RoomId, MemberTimeline> timelines;
  private final Map<RoomId, EventId> deletedAt;
  private final Set<RoomId> rooms;

  /** Takes the collections as they are: {@link #owning} wraps them. */
  private SyncScope(
      Set<RoomId> always, Map<RoomId, MemberTimeline> timelines, Map<RoomId, EventId> deletedAt) {
    this.always = always;
    this.timelines = timelines;
    this.deletedAt = deletedAt;
    if (timelines.isEmpty()) {
      this.rooms = always;
    } else {
      Set<RoomId> all = new HashSet<>(always);
      all.addAll(timelines.keySet());
      this.rooms = Collections.unmodifiableSet(all);
    }
  }

  /** A scope of collections just built for it, which nobody else holds or changes: not copied. */
  static SyncScope owning(
      Set<RoomId> always, Map<RoomId, MemberTimeline> timelines, Map<RoomId, EventId> deletedAt) {
    return new SyncScope(
        Collections.unmodifiableSet(always),
        Collections.unmodifiableMap(timelines),
        Collections.unmodifiableMap(deletedAt));
  }

  /** Every room to read from (immutable). */
  public Set<RoomId> rooms() {
    return rooms;
  }

  /** True when the event may be delivered. */
  public boolean includes(Event event) {
    EventId deletion = deletedAt.get(event.room());
    if (deletion != null && event.id().isAfter(deletion)) return false;
    if (always.contains(event.room())) return true;
    MemberTimeline timeline = timelines.get(event.room());
    return timeline != null && timeline.sees(event.id());
  }
}
