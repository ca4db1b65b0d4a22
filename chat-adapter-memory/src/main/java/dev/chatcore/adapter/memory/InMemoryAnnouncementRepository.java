package dev.chatcore.adapter.memory;

import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.port.AnnouncementRepository;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Announcements in a concurrent map; there are few (at most 10 active), so reads scan. */
public final class InMemoryAnnouncementRepository implements AnnouncementRepository {
  private final Map<String, Announcement> byId = new ConcurrentHashMap<>();

  @Override
  public void save(Announcement announcement) {
    byId.put(announcement.id(), announcement);
  }

  @Override
  public List<Announcement> active(Instant now) {
    if (byId.isEmpty()) return List.of();
    return byId.values().stream()
        .filter(a -> a.isActive(now))
        .sorted(Comparator.comparing(Announcement::createdAt).thenComparing(Announcement::id))
        .toList();
  }

  @Override
  public Optional<Announcement> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** Removes each expired announcement only if it is still the stored version. */
  @Override
  public int purgeExpired(Instant now, int limit) {
    int purged = 0;
    for (Announcement a : byId.values()) {
      if (purged == limit) break;
      if (!a.isActive(now) && byId.remove(a.id(), a)) purged++;
    }
    return purged;
  }
}
