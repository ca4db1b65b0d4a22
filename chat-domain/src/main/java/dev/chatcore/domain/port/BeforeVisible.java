package dev.chatcore.domain.port;

import dev.chatcore.domain.id.EventId;

/**
 * What must be stored before an appended event becomes readable, knowing the event's position: a
 * membership record at the position of its {@code m.member} event, a room's tombstone at its {@code
 * m.room.deleted}. A reader that reads the log head, then such records, then the events up to that
 * head, finds the record of every change it reads (see {@link EventLog#readAfter}).
 */
@FunctionalInterface
public interface BeforeVisible {
  /** Nothing to store. */
  BeforeVisible NOTHING = position -> {};

  /**
   * Called with the position the event will take, before any reader can see it. The log may call it
   * again with a later position when it could not keep the first (another writer or a reader that
   * gave up waiting took it); the work of the earlier call then belongs to the new position.
   * Throwing abandons the append: the event is not stored and the exception propagates.
   */
  void at(EventId position);
}
