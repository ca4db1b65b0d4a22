package dev.chatcore.domain.event;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import java.time.Duration;
import java.util.List;
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

  /**
   * A reaction was added to or removed from a message ({@code m.reaction}).
   *
   * @param target the message reacted to
   * @param added true when the sender added the key, false when it removed it
   */
  record Reaction(EventId target, String key, boolean added) implements EventContent {
    public Reaction {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public EventType type() {
      return EventType.REACTION;
    }
  }

  /**
   * Who is typing ({@code m.typing}); an expiring event. The core publishes one per notice,
   * about its sender: {@code userIds} is the sender while it types, empty once it stopped.
   *
   * @param timeout how long the notice holds from the event's {@code originTs}; zero when stopped
   */
  record Typing(List<AccountId> userIds, Duration timeout) implements EventContent {
    public Typing {
      userIds = List.copyOf(userIds);
      Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public EventType type() {
      return EventType.TYPING;
    }
  }

  /** An admin changed the message {@code target} to this text and context ({@code m.edit}). */
  record Edit(EventId target, String text, Optional<JsonObjectText> context) implements EventContent {
    public Edit {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(context, "context");
    }

    @Override
    public EventType type() {
      return EventType.EDIT;
    }
  }

  /** An admin deleted the message {@code target} ({@code m.redaction}); it is gone from history. */
  record Redaction(EventId target) implements EventContent {
    public Redaction {
      Objects.requireNonNull(target, "target");
    }

    @Override
    public EventType type() {
      return EventType.REDACTION;
    }
  }

  /** {@code user} has read the room up to and including {@code upTo} ({@code m.receipt}). */
  record Receipt(AccountId user, EventId upTo) implements EventContent {
    public Receipt {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(upTo, "upTo");
    }

    @Override
    public EventType type() {
      return EventType.RECEIPT;
    }
  }
}
