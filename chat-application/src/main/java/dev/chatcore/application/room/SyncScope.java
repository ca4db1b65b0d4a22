package dev.chatcore.application.room;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberTimeline;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a sync may deliver, decided for each event by its stream position alone: every event of an
 * {@code always} room (a channel the account never left: membership there is automatic), the
 * events of other rooms at positions the account's {@link MemberTimeline} {@linkplain
 * MemberTimeline#sees sees}, and nothing of a deleted room after its {@code m.room.deleted}.
 */
public record SyncScope(Set<RoomId> always, Map<RoomId, MemberTimeline> timelines, Map<RoomId, EventId> deletedAt) {
  public SyncScope {
    always = Set.copyOf(always);
    timelines = Map.copyOf(timelines);
    deletedAt = Map.copyOf(deletedAt);
  }

  /** Every room to read from. */
  public Set<RoomId> rooms() {
    Set<RoomId> all = new HashSet<>(always);
    all.addAll(timelines.keySet());
    return all;
  }

  /** Narrows the scope to the rooms of a client filter. */
  public SyncScope filtered(Set<RoomId> filter) {
    Set<RoomId> a = new HashSet<>(always);
    a.retainAll(filter);
    Map<RoomId, MemberTimeline> t = new HashMap<>(timelines);
    t.keySet().retainAll(filter);
    return new SyncScope(a, t, deletedAt);
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
