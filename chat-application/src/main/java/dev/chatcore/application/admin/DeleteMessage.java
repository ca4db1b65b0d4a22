package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.HexIds;
import dev.chatcore.domain.port.EventLog;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Objects;

/**
 * {@code DELETE /chat/admin/messages/delete} (for a message that is no announcement): admins delete
 * a stream message. It becomes an {@code m.redaction} in its room, so {@code /v1} clients learn of
 * it, and disappears from history, sync and unread.
 */
public final class DeleteMessage {
  /**
   * @param id the message's 24-hex id
   */
  public record Command(Caller caller, String id) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(id, "id");
    }
  }

  private final EventLog events;
  private final MessageLookup lookup;
  private final EventPublisher publisher;
  private final Clock clock;

  @Inject
  public DeleteMessage(EventLog events, EventPublisher publisher, Clock clock) {
    this.events = events;
    this.lookup = new MessageLookup(events);
    this.publisher = publisher;
    this.clock = clock;
  }

  /**
   * Publishes {@code m.redaction} in the message's room, then removes the message from the log.
   *
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws dev.chatcore.domain.error.InvalidInputException when the id is no 24-hex id
   * @throws NotFoundException when no stream message has this id
   */
  public void delete(Command command) {
    Caller caller = command.caller();
    caller.requireAdmin();
    HexIds.normalize(command.id(), "id");
    Event message =
        lookup.find(command.id()).orElseThrow(() -> new NotFoundException("message not found"));
    publisher.publish(
        new NewEvent(
            message.room(),
            caller.id(),
            clock.instant(),
            new EventContent.Redaction(message.id())));
    events.deleteMessage(message.id());
  }
}
