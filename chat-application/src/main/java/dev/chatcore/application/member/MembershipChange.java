package dev.chatcore.application.member;

import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.room.MemberChange;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way a membership changes: appends the {@code m.member} event and stores the record at
 * that event's position <em>before</em> the event can be read (the log's before-visible hook). A
 * reader that reads the log head and then the records therefore finds every change up to that head,
 * which is what makes sync visibility exact (see docs/architecture.md). Leaving also forgets the
 * account's read receipt, so {@code read_by} counts members only.
 */
public final class MembershipChange {
  private final MembershipRepository memberships;
  private final ReceiptRepository receipts;
  private final EventPublisher publisher;
  private final Clock clock;

  @Inject
  public MembershipChange(
      MembershipRepository memberships,
      ReceiptRepository receipts,
      EventPublisher publisher,
      Clock clock) {
    this.memberships = memberships;
    this.receipts = receipts;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Publishes the change by {@code actor} about {@code target}. */
  public void apply(
      RoomId room, RoomType type, AccountId actor, AccountId target, Membership change) {
    publish(room, type, actor, target, change, memberships::record);
  }

  /**
   * Publishes {@code target}'s join when the room has fewer than {@code capacity} members, as one
   * step with the admission (concurrent joins on any node never overfill the room).
   *
   * @throws ConflictException when the room is full (nothing is published)
   */
  public void joinIfBelow(RoomId room, RoomType type, AccountId target, long capacity) {
    publish(
        room,
        type,
        target,
        target,
        Membership.JOIN,
        c -> {
          if (!memberships.joinIfBelow(c, capacity)) throw new ConflictException("room is full");
        });
  }

  private void publish(
      RoomId room,
      RoomType type,
      AccountId actor,
      AccountId target,
      Membership change,
      Consumer<MemberChange> store) {
    Instant now = clock.instant();
    MemberState state = stateAfter(change);
    EventId[] tried = new EventId[1];
    publisher.publish(
        new NewEvent(room, actor, now, new EventContent.Member(target, change)),
        position -> {
          store.accept(
              new MemberChange(
                  room,
                  target,
                  state,
                  now,
                  position,
                  type == RoomType.CHANNEL,
                  Optional.ofNullable(tried[0])));
          tried[0] = position;
        });
    if (!state.isMember()) receipts.remove(room, target);
  }

  static MemberState stateAfter(Membership change) {
    return switch (change) {
      case JOIN -> MemberState.JOINED;
      case LEAVE -> MemberState.LEFT;
      case KICK -> MemberState.KICKED;
      case BAN -> MemberState.BANNED;
    };
  }
}
