package dev.chatcore.application.admin;

import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.EventLog;
import java.util.Optional;

/** Finds the stream message an admin names by its id (listing one, deleting, editing). */
final class MessageLookup {
  private final EventLog events;

  MessageLookup(EventLog events) {
    this.events = events;
  }

  /**
   * The stream message {@code id} names; empty for an id that is no stream position (a hacked
   * message's, an announcement's) or names no message.
   *
   * @param id a 24-hex id, already checked
   */
  Optional<Event> find(String id) {
    return eventId(id).flatMap(events::find).filter(Event::isMessage);
  }

  private static Optional<EventId> eventId(String id) {
    try {
      return Optional.of(EventId.parse(id, "id"));
    } catch (InvalidInputException notAPosition) {
      return Optional.empty();
    }
  }
}
