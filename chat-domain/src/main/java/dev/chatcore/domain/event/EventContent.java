package dev.chatcore.domain.event;

import dev.chatcore.domain.e2ee.DeviceId;
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

  /**
   * An end-to-end encrypted message ({@code m.encrypted}): a Megolm ciphertext the server stores
   * and delivers as it came, like a message, and never reads. Only the fields routing and
   * moderation use are named; the plaintext (text, context, even the inner event type) is inside
   * the ciphertext.
   *
   * @param senderKey the sending device's Curve25519 key, when the client still sends it (Matrix
   *     deprecated it: the session id and device identify the session)
   * @param device the sending device
   */
  record Encrypted(
      String algorithm,
      String ciphertext,
      Optional<String> senderKey,
      String sessionId,
      DeviceId device)
      implements EventContent {
    public Encrypted {
      Objects.requireNonNull(algorithm, "algorithm");
      Objects.requireNonNull(ciphertext, "ciphertext");
      Objects.requireNonNull(senderKey, "senderKey");
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(device, "device");
    }

    @Override
    public EventType type() {
      return EventType.ENCRYPTED;
    }
  }

  /** End-to-end encryption was turned on for the room, for good ({@code m.encryption}). */
  record Encryption(String algorithm) implements EventContent {
    public Encryption {
      Objects.requireNonNull(algorithm, "algorithm");
    }

    @Override
    public EventType type() {
      return EventType.ENCRYPTION;
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
   * Who is typing ({@code m.typing}); an expiring event. The core publishes one per notice, about
   * its sender: {@code userIds} is the sender while it types, empty once it stopped.
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
  record Edit(EventId target, String text, Optional<JsonObjectText> context)
      implements EventContent {
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
