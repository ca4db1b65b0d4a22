package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.HexIds;
import dev.chatcore.domain.policy.FutureTimes;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.EventLog;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code PUT /chat/admin/messages/update}: an admin changes a message's text, context or expiration
 * — never its author, room, time or type. The message keeps its position; the edit is recorded
 * ({@code updatedOn}, the editor) and published as {@code m.edit} in its room, so {@code /v1}
 * clients learn of it and players get the message again as unread. An announcement is edited the
 * same way and stays an announcement (players get every active one in each answer).
 */
public final class EditMessage {
  /** Absent parts keep the stored value. */
  public record Command(
      Caller caller,
      String id,
      Optional<String> text,
      Optional<JsonObjectText> context,
      Optional<Instant> expiration) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(context, "context");
      Objects.requireNonNull(expiration, "expiration");
    }
  }

  private final EventLog events;
  private final AnnouncementRepository announcements;
  private final MessageLookup lookup;
  private final EventPublisher publisher;
  private final MessagePolicy policy;
  private final Clock clock;

  @Inject
  public EditMessage(
      EventLog events,
      AnnouncementRepository announcements,
      EventPublisher publisher,
      MessagePolicy policy,
      Clock clock) {
    this.events = events;
    this.announcements = announcements;
    this.lookup = new MessageLookup(events);
    this.publisher = publisher;
    this.policy = policy;
    this.clock = clock;
  }

  /** What an edit changed: a stream message or an announcement. */
  public sealed interface Edited {
    record Message(Event event) implements Edited {}

    record Announced(Announcement announcement) implements Edited {}
  }

  /**
   * @return the message or announcement after the edit
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when no message or active announcement has this id
   * @throws InvalidInputException for a malformed id, an encrypted message, text or context that
   *     break the message rules, an expiration not in the future or more than 100 years ahead, or
   *     an edit that changes nothing
   */
  public Edited edit(Command command) {
    command.caller().requireAdmin();
    String id = HexIds.normalize(command.id(), "message.id");
    Optional<Event> stored = lookup.find(id);
    if (stored.isPresent()) return new Edited.Message(editMessage(stored.get(), command));
    Announcement announcement =
        announcements
            .find(id)
            .filter(a -> a.isActive(clock.instant()))
            .orElseThrow(
                () -> new NotFoundException("message not found")); // an ended one stays ended
    return new Edited.Announced(editAnnouncement(announcement, command));
  }

  private Event editMessage(Event stored, Command command) {
    if (!(stored.content() instanceof EventContent.Message old)) {
      throw new InvalidInputException(
          "message.id", "names an end-to-end encrypted message, which nobody can edit");
    }
    EventContent.Message content = newContent(old.text(), old.context(), command);
    Instant now = clock.instant();
    Optional<Instant> expiry =
        command
            .expiration()
            .map(at -> FutureTimes.expiry(now, at, "message.expiration"))
            .or(stored::expiresAt);
    if (content.equals(old) && expiry.equals(stored.expiresAt())) {
      throw new InvalidInputException("message", "the edit changes nothing");
    }
    Event edited =
        events
            .editMessage(stored.id(), content, expiry, now, command.caller().id())
            .orElseThrow(() -> new NotFoundException("message not found"));
    publisher.publish(
        new NewEvent(
            stored.room(),
            command.caller().id(),
            now,
            new EventContent.Edit(stored.id(), content.text(), content.context())));
    return edited;
  }

  private Announcement editAnnouncement(Announcement stored, Command command) {
    EventContent.Message content = newContent(stored.text(), stored.context(), command);
    Instant now = clock.instant();
    Instant expiry =
        command
            .expiration()
            .map(at -> FutureTimes.expiry(now, at, "message.expiration"))
            .orElse(stored.expiresAt());
    if (content.text().equals(stored.text())
        && content.context().equals(stored.context())
        && expiry.equals(stored.expiresAt())) {
      throw new InvalidInputException("message", "the edit changes nothing");
    }
    Announcement edited =
        stored.edited(content.text(), content.context(), expiry, now, command.caller().id());
    announcements.save(edited);
    return edited;
  }

  /**
   * The content after the edit, checked by the message rules; absent parts keep the stored ones.
   */
  private EventContent.Message newContent(
      String text, Optional<JsonObjectText> context, Command command) {
    return policy.message(
        command.text().orElse(text),
        command.context().isPresent() ? command.context() : context,
        "message.text",
        "message.context");
  }
}
