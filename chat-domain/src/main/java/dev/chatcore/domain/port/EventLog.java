package dev.chatcore.domain.port;

import dev.chatcore.domain.event.Appended;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.MessageFilter;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one ordered stream of events of every room. Thread-safe.
 *
 * <p>The guarantee everything else rests on: {@link #readAfter} never returns an event at position
 * p while some position below p can still appear later. A reader that always continues from {@link
 * StreamSlice#upTo()} therefore sees every event exactly once, in one order, under any number of
 * concurrent writers.
 *
 * <p>Expiring events ({@link Event#expiresAt()}, e.g. typing notices): from their expiry on, {@link
 * #readAfter}, {@link #find} and the message reads no longer return them (by the log's own clock),
 * and {@link #purgeExpired} deletes them. Expiry never changes positions or {@link #head()}, so it
 * cannot make a reader skip a lasting event.
 */
public interface EventLog {

  /**
   * Appends an event at the next position. {@code beforeVisible} runs with that position before any
   * reader can see the event (see {@link BeforeVisible}); an event with a hook must carry no
   * transaction id. When the event has a transaction id and the same sender already appended an
   * event with that id, nothing is stored and the earlier event is returned ({@code created ==
   * false}); this holds under concurrent retries too.
   */
  Appended append(NewEvent event, BeforeVisible beforeVisible);

  /** {@link #append(NewEvent, BeforeVisible)} with nothing to store first. */
  default Appended append(NewEvent event) {
    return append(event, BeforeVisible.NOTHING);
  }

  /**
   * Takes the next position for a change stored outside the log (a to-device message, a device-list
   * change), so that it is ordered with the events and a sync cursor covers it. {@code
   * beforeVisible} runs with the position before any reader can pass it, exactly as for {@link
   * #append}; nothing else is readable at the position ({@link #readAfter} and {@link #find} return
   * nothing for it), and its expiry never moves {@link #head()}. With no rooms, no accounts and
   * {@link BeforeVisible#NOTHING} it is a bare gap whose id orders like an event id and names none
   * (a "hacked" message's id). Once readable, the {@link EventFeed} reports {@code rooms} and
   * {@code accounts} as changed, so held syncs on every node read again.
   *
   * @return the position taken
   */
  EventId mark(Set<RoomId> rooms, Set<AccountId> accounts, BeforeVisible beforeVisible);

  /** The highest position whose predecessors are all visible; {@link EventId#ORIGIN} when empty. */
  EventId head();

  /** The newest event of the room, of any type. */
  Optional<EventId> roomHead(RoomId room);

  /**
   * Events after {@code after} in any of {@code rooms}, ascending, at most {@code limit}; only
   * positions up to {@code upTo} and up to {@link #head()} as read when the call starts. A reader
   * that read {@code upTo} from {@link #head()} before reading what decides its scope (memberships)
   * reads a scope that already holds every change at or below {@code upTo}.
   */
  StreamSlice readAfter(EventId after, EventId upTo, Set<RoomId> rooms, int limit);

  /** {@link #readAfter(EventId, EventId, Set, int)} up to the head. */
  default StreamSlice readAfter(EventId after, Set<RoomId> rooms, int limit) {
    return readAfter(after, head(), rooms, limit);
  }

  /**
   * A page of the room's message events (no reactions, typing, membership...).
   *
   * @param fromExclusive start after this event; empty starts at the newest (backward) or the
   *     oldest (forward) message
   * @param limit page size; the caller asks one more to learn whether more exist
   */
  List<Event> readMessages(
      RoomId room, Optional<EventId> fromExclusive, Direction direction, int limit);

  /**
   * The room's message events whose {@code originTs} — or, for edited messages, {@link
   * Event#updatedAt()} — is at or after {@code from}, ordered by {@code originTs} then position, at
   * most {@code limit}; only positions up to {@link #head()}. Reads only this room (indexes by room
   * and creation time, and by room and edit time), so its cost does not grow with other rooms.
   */
  List<Event> readMessagesSince(RoomId room, Instant from, int limit);

  /** The event with this id, if it exists. */
  Optional<Event> find(EventId id);

  /**
   * Number of message events of the room after {@code after} not sent by {@code excludedSender},
   * counting at most to {@code cap} (so the cost stays bounded for a reader far behind).
   */
  long countMessagesAfter(RoomId room, EventId after, AccountId excludedSender, long cap);

  /**
   * Deletes every event that expired at or before {@code now}. Idempotent; safe to run while others
   * append and read.
   *
   * @return how many events were deleted
   */
  long purgeExpired(Instant now);

  /**
   * Deletes at most {@code limit} of the room's message events at positions up to and including
   * {@code upTo}, oldest first (retention: a room's count cap, a closed room). Positions are never
   * reused and {@link #head()} does not move, so no reader skips a lasting event; a transaction id
   * of a deleted message is forgotten. Safe to run while others append and read.
   *
   * @return how many were deleted (fewer than {@code limit}: none is left up to {@code upTo})
   */
  int deleteMessages(RoomId room, EventId upTo, int limit);

  /**
   * Message events matching {@code filter}, newest first (by position), skipping {@code offset}, at
   * most {@code limit}; only positions up to {@link #head()}, expired ones left out. For admin
   * listings and search: a store may scan (a Mongo store uses indexes on room and sender and a
   * quoted case-insensitive regex for the text).
   */
  List<Event> findMessages(MessageFilter filter, int offset, int limit);

  /** How many message events {@link #findMessages} would page through. */
  long countMessages(MessageFilter filter);

  /**
   * Deletes one message event (an admin's deletion). Idempotent; like {@link #deleteMessages} it
   * never moves positions or {@link #head()}.
   *
   * @return the deleted event; empty when there is no message event with this id
   */
  Optional<Event> deleteMessage(EventId id);

  /**
   * Replaces a stored message's content and expiry in place (an admin's edit): same position,
   * sender and {@code originTs}; {@code updatedAt} and the editor are recorded, so the message is
   * returned again by {@link #readMessagesSince} for times up to {@code at}. Atomic per message; a
   * message deleted meanwhile stays deleted.
   *
   * @return the message after the edit; empty when there is no message event with this id
   */
  Optional<Event> editMessage(
      EventId id,
      EventContent.Message content,
      Optional<Instant> expiresAt,
      Instant at,
      AccountId editor);
}
