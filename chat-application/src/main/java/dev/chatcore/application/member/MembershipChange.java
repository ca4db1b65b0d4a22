package dev.chatcore.application.member;

import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import java.time.Clock;
import java.time.Instant;

/**
 * Records a membership change: appends its {@code m.member} event, then stores the record whose
 * {@code sinceEvent} is that event (so a sync of a removed account is bounded exactly there: it
 * gets the event that tells it, and nothing of the room after it). Leaving also forgets the
 * account's read receipt, so {@code read_by} counts members only.
 */
final class MembershipChange {
  private final ChatStorage storage;
  private final EventPublisher publisher;
  private final Clock clock;

  MembershipChange(ChatStorage storage, EventPublisher publisher, Clock clock) {
    this.storage = storage;
    this.publisher = publisher;
    this.clock = clock;
  }

  /** Publishes the change by {@code actor} about {@code target}; returns the new record. */
  RoomMember apply(Room room, AccountId actor, AccountId target, Membership change) {
    Instant now = clock.instant();
    Event event = publisher.publish(new NewEvent(room.id(), actor, now, new EventContent.Member(target, change))).event();
    RoomMember record = new RoomMember(room.id(), target, stateAfter(change), now, event.id());
    storage.memberships().put(record);
    if (!record.state().isMember()) storage.receipts().remove(room.id(), target);
    return record;
  }

  static MemberState stateAfter(Membership change) {
    return switch (change) {
      case JOIN -> MemberState.JOINED;
      case LEAVE -> MemberState.LEFT;
      case KICK -> MemberState.KICKED;
      case BAN -> MemberState.BANNED;
    };
  }

  Clock clock() {
    return clock;
  }

  EventPublisher publisher() {
    return publisher;
  }
}
