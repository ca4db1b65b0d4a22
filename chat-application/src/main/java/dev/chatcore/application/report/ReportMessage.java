package dev.chatcore.application.report;

import dev.chatcore.application.Caller;
import dev.chatcore.application.chat.ChatVisibility;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.chat.PlaintextClaim;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportedMessage;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.HexIds;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code POST /chat/report}: reports a message the caller can see and did not write. The report
 * keeps up to {@link Report#WINDOW} visible messages before and after it; repeat reports (by
 * anyone) refresh that window, count, and add new reporters; filing raises the report alerts
 * ({@link ReportFiling}).
 */
public final class ReportMessage {
  /**
   * @param messageId the id as the client sent it
   * @param claimedText for an end-to-end encrypted message, what the reporter says it said (its
   *     client decrypted it; the server cannot check): kept on the report as an unverified claim,
   *     refused for a plain message (whose text the server has)
   */
  public record Command(Caller caller, String messageId, Optional<String> claimedText) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(claimedText, "claimedText");
    }

    /** A report without a plaintext claim. */
    public Command(Caller caller, String messageId) {
      this(caller, messageId, Optional.empty());
    }
  }

  private final EventLog events;
  private final RoomRepository rooms;
  private final RoomAccess access;
  private final ChatVisibility visibility;
  private final ReportFiling filing;
  private final IdGenerator ids;
  private final Clock clock;

  @Inject
  public ReportMessage(
      EventLog events,
      RoomRepository rooms,
      RoomAccess access,
      ChatVisibility visibility,
      ReportFiling filing,
      IdGenerator ids,
      Clock clock) {
    this.events = events;
    this.rooms = rooms;
    this.filing = filing;
    this.access = access;
    this.visibility = visibility;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * @throws InvalidInputException when {@code messageId} is missing or not a 24-hex id, or names
   *     the caller's own message; for a {@code claimedText} on a plain message (its text is known)
   *     or out of bounds
   * @throws NotFoundException when no message with that id is visible to the caller
   */
  public Report report(Command command) {
    if (command.messageId() == null) throw new InvalidInputException("messageId", "is required");
    if (!HexIds.isValid(command.messageId()))
      throw new InvalidInputException("messageId", "must be a 24-character hex id");
    EventId id;
    try {
      id = EventId.parse(command.messageId(), "messageId");
    } catch (InvalidInputException notAnEventId) {
      throw new NotFoundException("message not found");
    }
    Event target =
        events
            .find(id)
            .filter(Event::isMessage)
            .orElseThrow(() -> new NotFoundException("message not found"));
    Room room =
        rooms
            .find(target.room())
            .filter(r -> !r.isDeleted())
            .filter(r -> access.isMember(command.caller().id(), r))
            .orElseThrow(() -> new NotFoundException("message not found"));
    ChatVisibility.Filter filter = visibility.filter(room, visibility.members(room));
    if (!filter.shows(target)) throw new NotFoundException("message not found");
    if (target.sender().equals(command.caller().id())) {
      throw new InvalidInputException("messageId", "is your own message; you cannot report it");
    }
    List<ReportedMessage> window = ReportWindow.around(events, target, filter::shows);
    return filing.file(
        Report.first(
            ids.next(),
            id,
            room.id(),
            command.caller().id(),
            window,
            clock.instant(),
            claim(command, target)));
  }

  private Optional<PlaintextClaim> claim(Command command, Event target) {
    if (command.claimedText().isEmpty()) return Optional.empty();
    if (!(target.content() instanceof EventContent.Encrypted)) {
      throw new InvalidInputException("claimedText", "is only for end-to-end encrypted messages");
    }
    String text = command.claimedText().get().strip();
    if (text.isEmpty() || text.length() > PlaintextClaim.MAX_CHARS) {
      throw new InvalidInputException(
          "claimedText", "must be 1-" + PlaintextClaim.MAX_CHARS + " characters");
    }
    return Optional.of(new PlaintextClaim(command.caller().id(), text, clock.instant()));
  }
}
