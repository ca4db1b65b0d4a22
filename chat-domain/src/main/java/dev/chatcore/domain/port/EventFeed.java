package dev.chatcore.domain.port;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.util.Set;

/**
 * Change notifications across server nodes: "these rooms got new events". The core turns them into
 * wake-ups of held syncs, so that a message posted on one node answers a sync held on another.
 *
 * <p>A notification is sent only once the events it names are readable through {@link
 * EventLog#readAfter} (their positions are at or below the log's head), whichever node appended
 * them; a sync woken by it therefore finds them. Notifications may repeat, come in any grouping and
 * name rooms a listener does not care about: a woken sync reads the log again and parks again when
 * it finds nothing. They carry no events; the log stays the one source.
 *
 * <p>A single-process store, whose appends already wake local syncs through the core's publisher,
 * may report nothing at all ({@link #delivery()} is {@code local}). Thread-safe; listeners are
 * called from one feed thread, never concurrently for one subscription.
 */
public interface EventFeed extends AutoCloseable {

  /** Receives notifications. Must be quick and must not throw; it runs on the feed's thread. */
  @FunctionalInterface
  interface Listener {
    /**
     * @param rooms rooms with new readable events
     * @param accounts accounts that are the target of new membership events (their set of rooms may
     *     have changed)
     */
    void appended(Set<RoomId> rooms, Set<AccountId> accounts);

    /**
     * Rooms whose {@code m.room.created} became readable (reported after {@link #appended} named
     * them): a new channel concerns every account, as channel membership is automatic, so the core
     * wakes every waiter for it. A feed that cannot tell may never call this.
     *
     * @param rooms the new rooms, of any type
     */
    default void created(Set<RoomId> rooms) {}
  }

  /** An active subscription; {@link #close()} stops its notifications. Idempotent. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Starts notifying {@code listener} about events that become readable from now on.
   *
   * @throws IllegalStateException when the feed is closed
   */
  Subscription subscribe(Listener listener);

  /**
   * How notifications travel, for logs and {@code /.well-known}: {@code local} (nothing crosses
   * processes), {@code change_streams} (MongoDB change streams) or {@code polling} (the log head is
   * polled).
   */
  String delivery();

  /** Stops every subscription and the feed's threads. Idempotent. */
  @Override
  void close();
}
