package dev.chatcore.application.globalroom;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Takes players idle for longer than a threshold out of their global room (they are placed
 * again on their next request). Run on a schedule by the host; safe to run on several nodes at
 * once (each account is forgotten by exactly one sweep).
 */
public final class SweepIdlePlayers {
  /** The default idle threshold of Chat V2. */
  public static final Duration DEFAULT_IDLE_AFTER = Duration.ofMinutes(10);
  private static final int BATCH = 500;

  private final ChatStorage storage;
  private final GlobalRoomEvents events;
  private final Clock clock;

  @Inject
  public SweepIdlePlayers(ChatStorage storage, GlobalRoomEvents events, Clock clock) {
    this.storage = storage;
    this.events = events;
    this.clock = clock;
  }

  /** @return how many players left their global room */
  public int sweep(Duration idleAfter) {
    Instant cutoff = clock.instant().minus(idleAfter);
    int removed = 0;
    while (true) {
      List<AccountId> idle = storage.activity().idleSince(cutoff, BATCH);
      if (idle.isEmpty()) return removed;
      for (AccountId account : idle) {
        boolean left = events.serialized(account, () -> {
          if (!storage.activity().forgetIfIdle(account, cutoff)) return false; // active again, or another sweep took it
          var room = storage.globalRooms().remove(account);
          room.ifPresent(r -> events.left(account, r));
          return room.isPresent();
        });
        if (left) removed++;
      }
    }
  }
}
