package dev.chatcore.application.reaction;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import jakarta.inject.Inject;
import java.util.Objects;

/**
 * Removes the caller's reaction {@code key} from a message. Removing a reaction that is not there
 * changes and publishes nothing. A change publishes {@code m.reaction} with {@code added = false}.
 */
public final class RemoveReaction {
  /**
   * @param key raw key: trimmed, 1 to {@code reaction_key_max_chars} characters
   */
  public record Command(Caller caller, RoomId room, EventId message, String key) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(message, "message");
    }
  }

  private final ReactionChange change;

  @Inject
  public RemoveReaction(ReactionChange change) {
    this.change = change;
  }

  /**
   * @throws dev.chatcore.domain.error.InvalidInputException for a missing, blank or too long key
   * @throws dev.chatcore.domain.error.NotFoundException when the room is hidden or the message is
   *     not a message of that room
   * @throws dev.chatcore.domain.error.ForbiddenException when the caller is not a member
   */
  public ReactionResult remove(Command command) {
    return change.remove(command.caller(), command.room(), command.message(), command.key());
  }
}
