package dev.chatcore.domain.port;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.ReadPositions;
import java.util.Optional;

/**
 * Read receipts: per (room, account) the position the account has read up to. Stored as one
 * position per account so that a room's receipts form a sorted set of positions. Thread-safe.
 */
public interface ReceiptRepository {

  /**
   * Moves the account's receipt to {@code upTo} when it has none or an earlier one; never moves it
   * backwards. Atomic: under concurrent calls the receipt ends at the latest position given.
   *
   * @return true when the receipt moved
   */
  boolean advance(RoomId room, AccountId account, EventId upTo);

  /** The account's receipt in the room. */
  Optional<EventId> find(RoomId room, AccountId account);

  /** Every receipt of the room at or after {@code from}, in one read. */
  ReadPositions positions(RoomId room, EventId from);

  /** Forgets the account's receipt (it left or was removed from the room). */
  void remove(RoomId room, AccountId account);

  /** Removes every receipt of the room (the room was deleted). */
  void deleteRoom(RoomId room);
}
