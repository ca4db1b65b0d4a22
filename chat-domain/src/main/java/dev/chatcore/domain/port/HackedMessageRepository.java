package dev.chatcore.domain.port;

import dev.chatcore.domain.chat.HackedMessage;
import java.time.Instant;
import java.util.List;

/** Messages flagged "hacked" (sent to a room that does not exist or the sender is not in). Thread-safe. */
public interface HackedMessageRepository {

  void record(HackedMessage message);

  /** Newest first, skipping {@code offset}. */
  List<HackedMessage> list(int offset, int limit);

  long count();

  /**
   * Newest first, only those whose sender and named room match the present filters (a Mongo
   * store: indexes on sender and room).
   */
  List<HackedMessage> list(java.util.Optional<dev.chatcore.domain.id.RoomId> room,
      java.util.Optional<dev.chatcore.domain.id.AccountId> sender, int offset, int limit);

  long count(java.util.Optional<dev.chatcore.domain.id.RoomId> room,
      java.util.Optional<dev.chatcore.domain.id.AccountId> sender);

  java.util.Optional<HackedMessage> find(String id);

  /** Deletes messages created before {@code cutoff}; how many went. */
  int purgeBefore(Instant cutoff);
}
