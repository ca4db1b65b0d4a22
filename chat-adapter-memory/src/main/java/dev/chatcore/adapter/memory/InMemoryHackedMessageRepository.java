package dev.chatcore.adapter.memory;

import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.HackedMessageRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Hacked messages in a concurrent map keyed by id. */
public final class InMemoryHackedMessageRepository implements HackedMessageRepository {
  private final Map<String, HackedMessage> byId = new ConcurrentHashMap<>();

  @Override
  public void record(HackedMessage message) {
    byId.put(message.id(), message);
  }

  @Override
  public List<HackedMessage> list(int offset, int limit) {
    return byId.values().stream()
        .sorted(
            Comparator.comparing(HackedMessage::createdAt)
                .thenComparing(HackedMessage::id)
                .reversed())
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long count() {
    return byId.size();
  }

  @Override
  public List<HackedMessage> list(
      Optional<RoomId> room, Optional<AccountId> sender, int offset, int limit) {
    return byId.values().stream()
        .filter(
            m ->
                room.map(m.room()::equals).orElse(true)
                    && sender.map(m.sender()::equals).orElse(true))
        .sorted(
            Comparator.comparing(HackedMessage::createdAt)
                .thenComparing(HackedMessage::id)
                .reversed())
        .skip(offset)
        .limit(limit)
        .toList();
  }

  @Override
  public long count(Optional<RoomId> room, Optional<AccountId> sender) {
    return byId.values().stream()
        .filter(
            m ->
                room.map(m.room()::equals).orElse(true)
                    && sender.map(m.sender()::equals).orElse(true))
        .count();
  }

  @Override
  public Optional<HackedMessage> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    int before = byId.size();
    byId.values().removeIf(m -> m.createdAt().isBefore(cutoff));
    return before - byId.size();
  }
}
