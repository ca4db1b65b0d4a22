package dev.chatcore.domain.port;

import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.chat.Seat;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The seat directory of global rooms: which global room each account sits in, and how full each
 * room is. It is the truth of global room membership (the membership records of global rooms are a
 * projection written after it). Thread-safe.
 *
 * <p>Invariants under any concurrency, on one node or many: an account sits in at most one global
 * room at any instant; a room never holds more members than the capacity passed to the call that
 * filled it; room numbers are unique. A store that cannot lock does it with one seat document per
 * account (unique by account id: never two seats) and a member counter on each room document
 * changed only by conditional updates ({@code memberCount < capacity} with {@code $inc}),
 * compensating the counter when a seat insert loses a race; numbers come from an atomic counter.
 */
public interface GlobalRoomRepository {

  /** The global room the account sits in. */
  Optional<GlobalRoom> roomOf(AccountId account);

  /** The global room with this id. */
  Optional<GlobalRoom> find(RoomId room);

  /** The accounts sitting in the room, ordered by id. */
  List<AccountId> members(RoomId room);

  /**
   * Seats the account unless it already sits somewhere (then returns that seat, {@code changed ==
   * false}). Picks the fullest room with fewer than {@code capacity} members, ties to the lowest
   * number, skipping {@code excluded}; when none has space, creates the room {@code newRoom} with
   * the next number, created at {@code now}.
   */
  Seat place(AccountId account, int capacity, Set<RoomId> excluded, RoomId newRoom, Instant now);

  /**
   * Moves the account into {@code target}, leaving its current global room in the same step. Moving
   * into the room it sits in changes nothing.
   *
   * @param capacity the target may hold at most this many members afterwards
   * @throws NotFoundException when {@code target} is no global room
   * @throws ConflictException when the target is full; the account keeps its seat
   */
  Seat move(AccountId account, RoomId target, int capacity);

  /** Takes the account's seat away; the room it left, empty when it sat nowhere. */
  Optional<GlobalRoom> remove(AccountId account);

  /** Rooms with fewer than {@code below} members, by number, skipping {@code offset}. */
  List<GlobalRoom> listOpen(int below, int offset, int limit);

  /** Number of rooms with fewer than {@code below} members. */
  long countOpen(int below);
}
