package dev.chatcore.domain.port;

import dev.chatcore.domain.chat.Announcement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Announcements. The admin API writes them; every player response reads the active ones, so reads
 * must be cheap. An empty store is a valid state. Thread-safe.
 */
public interface AnnouncementRepository {

  /** Stores a new announcement or replaces the one with its id. */
  void save(Announcement announcement);

  /** Announcements active at {@code now} (not yet expired), oldest first (by creation, then id). */
  List<Announcement> active(Instant now);

  /** The announcement with this id, active or expired, until purged. */
  Optional<Announcement> find(String id);

  /**
   * Deletes at most {@code limit} announcements expired at {@code now} (expiry at or before it).
   *
   * @return how many were deleted (fewer than {@code limit}: none is left)
   */
  int purgeExpired(Instant now, int limit);
}
