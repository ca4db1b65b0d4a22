package dev.chatcore.application.sync;

import dev.chatcore.application.moderation.BanGate;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.room.SyncScope;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One read of the event stream as an account may see it: the one step that long-poll sync and
 * live streams share, so that both deliver exactly the same events for the same cursor.
 *
 * <p>It reads in the order the visibility argument needs (docs/architecture.md, "Sync
 * visibility"): the head first, then the ban from the store, then the scope, then the events up to
 * that head. Every membership record and tombstone of a change at or below the head was stored
 * before the change could be read, so the scope holds them all, and each event is judged by its
 * own position. Thread-safe; blocks on the store.
 */
public final class VisibleRead {
  /**
   * The outcome of one read.
   *
   * @param events what the account may see after the cursor, in stream order (at most
   *     {@code sync_batch_max})
   * @param upTo every position up to here was judged: the next cursor
   * @param limited true when more events wait after {@code upTo}
   * @param rooms the rooms the scope reads: what a reader waiting for more must watch
   */
  public record Read(List<Event> events, EventId upTo, boolean limited, Set<RoomId> rooms) {
    public Read {
      events = List.copyOf(events);
      rooms = Set.copyOf(rooms);
    }

    /** True when there is nothing to deliver and nothing more waiting: the reader may wait. */
    public boolean caughtUp() {
      return events.isEmpty() && !limited;
    }
  }

  private final ChatStorage storage;
  private final RoomAccess access;
  private final BanGate bans;
  private final Limits limits;

  @Inject
  public VisibleRead(ChatStorage storage, RoomAccess access, BanGate bans, Limits limits) {
    this.storage = storage;
    this.access = access;
    this.bans = bans;
    this.limits = limits;
  }

  /**
   * Reads what the account may see after {@code since}, narrowed to {@code filter} when present.
   *
   * @throws dev.chatcore.domain.error.BannedException when the account is banned now
   */
  public Read after(Account account, EventId since, Optional<Set<RoomId>> filter) {
    EventId upTo = storage.events().head();
    bans.requireNotBannedNow(account.id()); // a ban stored after this read is stored after upTo was read
    SyncScope scope = access.syncScope(account, since);
    if (filter.isPresent()) scope = scope.filtered(filter.get());
    Set<RoomId> rooms = scope.rooms();
    StreamSlice slice = storage.events().readAfter(since, upTo, rooms, limits.syncBatchMax());
    List<Event> visible = new ArrayList<>(slice.events().size());
    for (Event e : slice.events()) {
      if (scope.includes(e)) visible.add(e);
    }
    return new Read(visible, slice.upTo(), slice.limited(), rooms);
  }
}
