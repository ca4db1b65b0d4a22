package dev.chatcore.application.message;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.util.Objects;
import java.util.Optional;

/**
 * Posts a chat message into a room the caller is a member of. With a transaction id the call is
 * idempotent: a retry returns the first event and stores nothing. A player's message is checked for
 * spam and by the content filter ({@link MessagePosting}); it expires by its room's type ({@link
 * Retention}: {@code /v1} channels 3 months by default).
 */
public final class SendMessage {
  /** A message to send; {@code text} may be null when {@code context} is a non-empty object. */
  public record Command(
      Caller caller,
      RoomId room,
      String text,
      Optional<JsonObjectText> context,
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
  private final MessagePolicy policy;
  private final MessagePosting posting;

  @Inject
  public SendMessage(
      RoomAccess access, RegisterCaller register, MessagePolicy policy, MessagePosting posting) {
    this.access = access;
    this.register = register;
    this.policy = policy;
    this.posting = posting;
  }

  /**
   * @return the stored event (the earlier one for a retried transaction id)
   * @throws dev.chatcore.domain.error.InvalidInputException for text or context that break the
   *     limits, or when the room is end-to-end encrypted
   * @throws dev.chatcore.domain.error.NotFoundException when the room does not exist or is hidden
   * @throws dev.chatcore.domain.error.ForbiddenException when the caller is not a member
   * @throws dev.chatcore.domain.error.BannedException when the message is spam (the sender is
   *     banned automatically and nothing is stored)
   * @throws dev.chatcore.domain.error.ContentRejectedException when the content filter rejects it
   *     (nothing is stored); a filter that masks or flags it lets it through with the text changed
   */
  public Event send(Command command) {
    EventContent.Message content =
        policy.message(command.text(), command.context(), "content.text", "content.context");
    Optional<String> txnId = command.txnId().map(policy::txnId);
    register.register(command.caller());
    Room room = access.memberRoom(command.caller().id(), command.caller().admin(), command.room());
    room.requirePlainAllowed("type");
    return posting.publish(command.caller(), room.id(), room.type(), content, txnId);
  }
}
