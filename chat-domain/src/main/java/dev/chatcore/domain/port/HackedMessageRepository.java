package dev.chatcore.domain.port;

import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Messages flagged "hacked" (sent to a room that does not exist or the sender is not in).
 * Thread-safe.
 */
public interface HackedMessageRepository {

  void record(HackedMessage message);

  /** Newest first, skipping {@code offset}. */
  List<HackedMessage> list(int offset, int limit);

  long count();

  /**
   * Newest first, only those whose sender and named room match the present filters (a Mongo store:
   * indexes on sender and room).
   */
  List<HackedMessage> list(
      Optional<RoomId> room, Optional<AccountId> sender, int offset, int limit);

  long count(Optional<RoomId> room, Optional<AccountId> sender);

  Optional<HackedMessage> find(String id);

  /** Deletes messages created before {@code cutoff}; how many went. */
  int purgeBefore(Instant cutoff);
}
