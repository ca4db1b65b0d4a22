package dev.chatcore.application.globalroom;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.ActivityRepository;
import dev.chatcore.domain.port.GlobalRoomRepository;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Takes players idle for longer than a threshold out of their global room (they are placed again on
 * their next request). Run on a schedule by the host; safe to run on several nodes at once (each
 * account is forgotten by exactly one sweep).
 */
public final class SweepIdlePlayers {
  /** The default idle threshold of Chat V2. */
  public static final Duration DEFAULT_IDLE_AFTER = Duration.ofMinutes(10);

  private static final int BATCH = 500;

  private final ActivityRepository activity;
  private final GlobalRoomRepository globalRooms;
  private final GlobalRoomEvents events;
  private final Clock clock;

  @Inject
  public SweepIdlePlayers(
      ActivityRepository activity,
      GlobalRoomRepository globalRooms,
      GlobalRoomEvents events,
      Clock clock) {
    this.activity = activity;
    this.globalRooms = globalRooms;
    this.events = events;
    this.clock = clock;
  }

  /**
   * @return how many players left their global room
   */
  public int sweep(Duration idleAfter) {
    Instant cutoff = clock.instant().minus(idleAfter);
    int removed = 0;
    while (true) {
      List<AccountId> idle = activity.idleSince(cutoff, BATCH);
      if (idle.isEmpty()) return removed;
      for (AccountId account : idle) {
        boolean left =
            events.serialized(
                account,
                () -> {
                  if (!activity.forgetIfIdle(account, cutoff))
                    return false; // active again, or another sweep took it
                  var room = globalRooms.remove(account);
                  room.ifPresent(r -> events.left(account, r));
                  return room.isPresent();
                });
        if (left) removed++;
      }
    }
  }
}
