package dev.chatcore.adapter.memory;

import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.port.HackedMessageRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
        .sorted(Comparator.comparing(HackedMessage::createdAt).thenComparing(HackedMessage::id).reversed())
        .skip(offset).limit(limit).toList();
  }

  @Override
  public long count() {
    return byId.size();
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    int before = byId.size();
    byId.values().removeIf(m -> m.createdAt().isBefore(cutoff));
    return before - byId.size();
  }
}
