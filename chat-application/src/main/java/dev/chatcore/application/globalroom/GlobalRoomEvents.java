package dev.chatcore.application.globalroom;

import dev.chatcore.application.StripedLocks;
import dev.chatcore.application.member.MembershipChange;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.chat.Seat;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns seat changes into what the rest of the core sees: the room record of a global room (created
 * by whoever needs it first), {@code m.member} events for {@code /v1} sync, and the membership
 * records projected from the seat directory. One per core: every seat change of an account takes
 * its turn here ({@link #serialized}).
 */
@Singleton
public final class GlobalRoomEvents {
  /** Chat V2 broadcast channel flag of global rooms. */
  public static final int GLOBAL_CHANNEL = 1;

  private final RoomRepository rooms;
  private final EventPublisher publisher;
  private final Clock clock;
  private final MembershipChange change;
  private final StripedLocks locks = new StripedLocks();

  @Inject
  public GlobalRoomEvents(
      RoomRepository rooms, EventPublisher publisher, MembershipChange change, Clock clock) {
    this.rooms = rooms;
    this.publisher = publisher;
    this.change = change;
    this.clock = clock;
  }

  /**
   * Runs one seat change of {@code account} and its publication as one step on this node
   * (concurrent changes of the same account queue up; other accounts do not wait).
   */
  public <T> T serialized(AccountId account, Supplier<T> change) {
    return locks.with(account, change);
  }

  /** Publishes a seat change of {@code account}; nothing when the seat did not change. */
  public void seated(AccountId account, Seat seat) {
    if (!seat.changed()) return;
    seat.left().ifPresent(left -> left(account, left));
    Room room = roomRecord(seat.room());
    if (seat.roomCreated()) {
      publisher.publish(
          new NewEvent(room.id(), account, clock.instant(), new EventContent.RoomCreated("")));
    }
    record(account, seat.room(), Membership.JOIN);
  }

  /** Publishes that {@code account} left {@code room} (moved away, idle, removed). */
  public void left(AccountId account, GlobalRoom room) {
    roomRecord(room);
    record(account, room, Membership.LEAVE);
  }

  /** The room record of a global room, created on first need (any caller may race to it). */
  public Room roomRecord(GlobalRoom global) {
    Optional<Room> known = rooms.find(global.id());
    if (known.isPresent()) return known.get();
    Room room =
        new Room(
            global.id(),
            RoomType.GLOBAL,
            Optional.empty(),
            Optional.empty(),
            global.createdAt(),
            global.number(),
            GLOBAL_CHANNEL,
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    try {
      rooms.create(room);
      return room;
    } catch (ConflictException raced) {
      return rooms.find(global.id()).orElseThrow();
    }
  }

  private void record(AccountId account, GlobalRoom room, Membership membership) {
    change.apply(room.id(), RoomType.GLOBAL, account, account, membership);
  }
}
