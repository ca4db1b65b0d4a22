package dev.chatcore.application.message;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.moderation.SpamGuard;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts a chat message into a room the caller is a member of. With a transaction id the call is
 * idempotent: a retry returns the first event and stores nothing. The message expires by its
 * room's type ({@link Retention}: {@code /v1} channels 3 months by default).
 */
public final class SendMessage {
  /** A message to send; {@code text} may be null when {@code context} is a non-empty object. */
  public record Command(Caller caller, RoomId room, String text, Optional<JsonObjectText> context,
      Optional<String> txnId) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(txnId, "txnId");
    }
  }

  private final RoomAccess access;
  private final RegisterCaller register;
  private final EventPublisher publisher;
  private final MessagePolicy policy;
  private final SpamGuard spam;
  private final Clock clock;
  private final Retention retention;

  /** A sender whose messages expire by {@link Retention#defaults()}. */
  public SendMessage(RoomAccess access, RegisterCaller register, EventPublisher publisher, MessagePolicy policy,
      SpamGuard spam, Clock clock) {
    this(access, register, publisher, policy, spam, clock, Retention.defaults());
  }

  @Inject
  public SendMessage(RoomAccess access, RegisterCaller register, EventPublisher publisher, MessagePolicy policy,
      SpamGuard spam, Clock clock, Retention retention) {
    this.retention = retention;
    this.access = access;
    this.register = register;
    this.publisher = publisher;
    this.policy = policy;
    this.spam = spam;
    this.clock = clock;
  }

  /**
   * @return the stored event (the earlier one for a retried transaction id)
   * @throws dev.chatcore.domain.error.InvalidInputException for text or context that break the limits,
   *     or when the room is end-to-end encrypted
   * @throws dev.chatcore.domain.error.NotFoundException when the room does not exist or is hidden
   * @throws dev.chatcore.domain.error.ForbiddenException when the caller is not a member
   * @throws dev.chatcore.domain.error.BannedException when the message is spam (the sender is
   *     banned automatically and nothing is stored)
   */
  public Event send(Command command) {
    EventContent.Message content = policy.message(command.text(), command.context(), "content.text", "content.context");
    Optional<String> txnId = command.txnId().map(policy::txnId);
    register.register(command.caller());
    Room room = access.memberRoom(command.caller().id(), command.caller().admin(), command.room());
    room.requirePlainAllowed("type");
    if (!command.caller().admin()) spam.check(command.caller().id(), command.room(), content, txnId);
    java.time.Instant now = clock.instant();
    return publisher.publish(new NewEvent(command.room(), command.caller().id(), now, content, txnId,
        Optional.of(retention.messageExpiry(room.type(), now)))).event();
  }
}
