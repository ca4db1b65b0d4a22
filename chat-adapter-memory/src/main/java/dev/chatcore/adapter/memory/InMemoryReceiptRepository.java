package dev.chatcore.adapter.memory;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.room.ReadPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receipts per room: each account's position, moved forward only inside the map's atomic {@code
 * merge}, so concurrent receipts end at the latest position given.
 */
public final class InMemoryReceiptRepository implements ReceiptRepository {
  private final Map<RoomId, Map<AccountId, EventId>> rooms = new ConcurrentHashMap<>();

  @Override
  public boolean advance(RoomId room, AccountId account, EventId upTo) {
    boolean[] moved = new boolean[1];
    rooms
        .computeIfAbsent(room, r -> new ConcurrentHashMap<>())
        .compute(
            account,
            (a, current) -> {
              if (current != null && !upTo.isAfter(current)) return current;
              moved[0] = true;
              return upTo;
            });
    return moved[0];
  }

  @Override
  public Optional<EventId> find(RoomId room, AccountId account) {
    Map<AccountId, EventId> ofRoom = rooms.get(room);
    return ofRoom == null ? Optional.empty() : Optional.ofNullable(ofRoom.get(account));
  }

  @Override
  public ReadPositions positions(RoomId room, EventId from) {
    Map<AccountId, EventId> ofRoom = rooms.get(room);
    List<EventId> found = new ArrayList<>();
    if (ofRoom != null) {
      for (EventId position : ofRoom.values()) {
        if (!from.isAfter(position)) found.add(position);
      }
    }
    return ReadPositions.of(found);
  }

  @Override
  public void remove(RoomId room, AccountId account) {
    Map<AccountId, EventId> ofRoom = rooms.get(room);
    if (ofRoom != null) ofRoom.remove(account);
  }

  @Override
  public void deleteRoom(RoomId room) {
    rooms.remove(room);
  }
}
