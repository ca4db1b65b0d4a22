package dev.chatcore.domain.port;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.reaction.ReactionCount;
import dev.chatcore.domain.reaction.ReactionKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who reacted to which message with which key: at most one reaction per (message, account, key).
 * Thread-safe. {@link #add} and {@link #remove} are atomic and idempotent: of any number of
 * concurrent identical calls exactly one returns true.
 */
public interface ReactionRepository {

  /** Records the reaction; false when it was there already. */
  boolean add(RoomId room, EventId message, AccountId account, ReactionKey key);

  /** Removes the reaction; false when it was not there. */
  boolean remove(RoomId room, EventId message, AccountId account, ReactionKey key);

  /**
   * The aggregates of several messages of one room in one read (a history page costs one call, not
   * one per message). Each list is ordered by key (code point order) and holds only keys with at
   * least one reaction; messages without reactions are absent from the map.
   *
   * @param viewer the account whose own reactions are flagged {@link ReactionCount#me()}
   */
  Map<EventId, List<ReactionCount>> aggregates(
      RoomId room, Set<EventId> messages, AccountId viewer);

  /** Removes every reaction in the room (the room was deleted). */
  void deleteRoom(RoomId room);
}
