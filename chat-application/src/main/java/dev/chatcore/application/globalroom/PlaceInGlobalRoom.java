package dev.chatcore.application.globalroom;

import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.chat.Seat;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ActivityRepository;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomMember;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Guarantees that a player sits in exactly one global room: the one it is in, or the fullest room
 * with fewer than {@link Limits#globalRoomCapacity()} members, or a new room with the next number.
 * Rooms it was kicked or banned from are skipped. The steady state costs one lookup.
 */
public final class PlaceInGlobalRoom {
  private final ActivityRepository activity;
  private final GlobalRoomRepository globalRooms;
  private final MembershipRepository memberships;
  private final GlobalRoomEvents events;
  private final IdGenerator ids;
  private final Limits limits;
  private final Clock clock;

  @Inject
  public PlaceInGlobalRoom(
      ActivityRepository activity,
      GlobalRoomRepository globalRooms,
      MembershipRepository memberships,
      GlobalRoomEvents events,
      IdGenerator ids,
      Limits limits,
      Clock clock) {
    this.activity = activity;
    this.globalRooms = globalRooms;
    this.memberships = memberships;
    this.events = events;
    this.ids = ids;
    this.limits = limits;
    this.clock = clock;
  }

  /** The player's global room after placement. */
  public GlobalRoom place(AccountId player) {
    return events.serialized(player, () -> placeNow(player));
  }

  /**
   * Records the player's activity at {@code now} and places it, as one step against the idle sweep
   * (which takes the same per-account turn): a returning player is either swept before its request
   * and placed again, or not swept at all.
   */
  public GlobalRoom placeActive(AccountId player, Instant now) {
    return events.serialized(
        player,
        () -> {
          activity.touch(player, now);
          return placeNow(player);
        });
  }

  private GlobalRoom placeNow(AccountId player) {
    Optional<GlobalRoom> seated = globalRooms.roomOf(player);
    if (seated.isPresent()) {
      events.roomRecord(
          seated.get()); // a racing placement on another node may not have written it yet
      return seated.get();
    }
    Set<RoomId> excluded = new HashSet<>();
    for (RoomMember m : memberships.ofAccount(player)) {
      if (m.state() == MemberState.KICKED || m.state() == MemberState.BANNED) {
        excluded.add(m.room());
      }
    }
    Seat seat =
        globalRooms.place(
            player, limits.globalRoomCapacity(), excluded, ids.nextRoomId(), clock.instant());
    events.seated(player, seat);
    return seat.room();
  }
}
