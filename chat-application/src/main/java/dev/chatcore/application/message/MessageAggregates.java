package dev.chatcore.application.message;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.reaction.ReactionCount;
import dev.chatcore.domain.room.ReadPositions;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes {@code reactions} and {@code read_by} for a batch of messages with two store reads per
 * room, however many messages: one {@code aggregates} call for the reactions of all of them, and
 * one read of the room's receipts at or after the oldest, from which each {@code read_by} is a
 * binary search.
 */
public final class MessageAggregates {
  private final ReactionRepository reactions;
  private final ReceiptRepository receipts;

  @Inject
  public MessageAggregates(ReactionRepository reactions, ReceiptRepository receipts) {
    this.reactions = reactions;
    this.receipts = receipts;
  }

  /** Summaries of the message events among {@code events} (others are skipped), keyed by id. */
  public Map<EventId, MessageSummary> summarize(AccountId viewer, List<Event> events) {
    Map<RoomId, Map<EventId, Event>> byRoom = new LinkedHashMap<>();
    for (Event e : events) {
      if (e.isMessage())
        byRoom.computeIfAbsent(e.room(), r -> new LinkedHashMap<>()).put(e.id(), e);
    }
    Map<EventId, MessageSummary> out = new HashMap<>();
    for (Map.Entry<RoomId, Map<EventId, Event>> room : byRoom.entrySet()) {
      Set<EventId> ids = room.getValue().keySet();
      EventId oldest = ids.stream().min(EventId::compareTo).orElseThrow();
      Map<EventId, List<ReactionCount>> counts = reactions.aggregates(room.getKey(), ids, viewer);
      ReadPositions positions = receipts.positions(room.getKey(), oldest);
      for (EventId id : ids) {
        out.put(
            id,
            new MessageSummary(counts.getOrDefault(id, List.of()), positions.countAtOrAfter(id)));
      }
    }
    return out;
  }
}
