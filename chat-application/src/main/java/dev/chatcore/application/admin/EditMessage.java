package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.HexIds;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code PUT /chat/admin/messages/update}: an admin changes a message's text, context or
 * expiration — never its author, room, time or type. The message keeps its position; the edit is
 * recorded ({@code updatedOn}, the editor) and published as {@code m.edit} in its room, so
 * {@code /v1} clients learn of it and players get the message again as unread.
 */
public final class EditMessage {
  /** Absent parts keep the stored value. */
  public record Command(Caller caller, String id, Optional<String> text, Optional<JsonObjectText> context,
      Optional<Instant> expiration) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(expiration, "expiration");
    }
  }

  private final ChatStorage storage;
  private final EventPublisher publisher;
  private final MessagePolicy policy;
  private final Clock clock;

  @Inject
  public EditMessage(ChatStorage storage, EventPublisher publisher, MessagePolicy policy, Clock clock) {
    this.storage = storage;
    this.publisher = publisher;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * @return the message after the edit
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when no message has this id
   * @throws InvalidInputException for a malformed id, an encrypted message, text or context that
   *     break the message rules, an expiration not in the future, or an edit that changes nothing
   */
  public Event edit(Command command) {
    command.caller().requireAdmin();
    HexIds.normalize(command.id(), "message.id");
    Event stored = eventId(command.id()).flatMap(storage.events()::find).filter(Event::isMessage)
        .orElseThrow(() -> new NotFoundException("message not found"));
    if (!(stored.content() instanceof EventContent.Message old)) {
      throw new InvalidInputException("message.id", "names an end-to-end encrypted message, which nobody can edit");
    }
    EventContent.Message content = policy.message(command.text().orElse(old.text()),
        command.context().isPresent() ? command.context() : old.context(), "message.text", "message.context");
    Instant now = clock.instant();
    if (command.expiration().filter(e -> !e.isAfter(now)).isPresent()) {
      throw new InvalidInputException("message.expiration", "must be in the future");
    }
    Optional<Instant> expiry = command.expiration().isPresent() ? command.expiration() : stored.expiresAt();
    if (content.equals(old) && expiry.equals(stored.expiresAt())) {
      throw new InvalidInputException("message", "the edit changes nothing");
    }
    Event edited = storage.events().editMessage(stored.id(), content, expiry, now, command.caller().id())
        .orElseThrow(() -> new NotFoundException("message not found"));
    publisher.publish(new NewEvent(stored.room(), command.caller().id(), now,
        new EventContent.Edit(stored.id(), content.text(), content.context())));
    return edited;
  }

  private static Optional<EventId> eventId(String id) {
    try {
      return Optional.of(EventId.parse(id, "message.id"));
    } catch (InvalidInputException notAPosition) {
      return Optional.empty();
    }
  }
}
