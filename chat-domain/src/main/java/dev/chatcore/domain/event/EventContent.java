package dev.chatcore.domain.event;

import dev.chatcore.domain.id.AccountId;
import java.util.Objects;
import java.util.Optional;

/** What an event carries; one record per event type. */
public sealed interface EventContent {

  /** The event type this content belongs to. */
  EventType type();

  /**
   * A chat message ({@code m.plain}).
   *
   * @param text trimmed text; may be empty only when {@code context} is a non-empty object
   * @param context optional client-defined JSON object
   */
  record Message(String text, Optional<JsonObjectText> context) implements EventContent {
    public Message {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(context, "context");
    }

    @Override
    public EventType type() {
      return EventType.MESSAGE;
    }
  }

  /** The room was created. */
  record RoomCreated(String name) implements EventContent {
    @Override
    public EventType type() {
      return EventType.ROOM_CREATED;
    }
  }

  /** The room was deleted; the last event of a room. */
  record RoomDeleted() implements EventContent {
    @Override
    public EventType type() {
      return EventType.ROOM_DELETED;
    }
  }

  /** Someone's membership of the room changed. */
  record Member(AccountId target, Membership membership) implements EventContent {
    public Member {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(membership, "membership");
    }

    @Override
    public EventType type() {
      return EventType.MEMBER;
    }
  }
}
