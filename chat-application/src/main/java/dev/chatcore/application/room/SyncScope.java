package dev.chatcore.application.room;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rooms a sync reads: {@code open} rooms without limit, {@code bounded} rooms only up to
 * and including the event that ended the account's place in them.
 */
public record SyncScope(Set<RoomId> open, Map<RoomId, EventId> bounded) {
  public SyncScope {
    open = Set.copyOf(open);
    bounded = Map.copyOf(bounded);
  }

  /** Every room to read from. */
  public Set<RoomId> rooms() {
    Set<RoomId> all = new HashSet<>(open);
    all.addAll(bounded.keySet());
    return all;
  }

  /** Narrows the scope to the rooms of a client filter. */
  public SyncScope filtered(Set<RoomId> filter) {
    Set<RoomId> o = new HashSet<>(open);
    o.retainAll(filter);
    Map<RoomId, EventId> b = new java.util.HashMap<>(bounded);
    b.keySet().retainAll(filter);
    return new SyncScope(o, b);
  }

  /** True when the event may be delivered. */
  public boolean includes(Event event) {
    if (open.contains(event.room())) return true;
    EventId bound = bounded.get(event.room());
    return bound != null && !event.id().isAfter(bound);
  }
}
