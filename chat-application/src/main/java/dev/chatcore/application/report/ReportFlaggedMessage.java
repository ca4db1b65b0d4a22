package dev.chatcore.application.report;

import dev.chatcore.application.chat.ChatVisibility;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.function.Predicate;

/**
 * Files the automatic report of a message the content filter flagged: reporter {@link
 * Report#SYSTEM_REPORTER}, the filter's reason in the admin note, and the same snapshot of the
 * conversation a player's report keeps. Players who report the message later join that report.
 */
public final class ReportFlaggedMessage {
  private final RoomRepository rooms;
  private final EventLog events;
  private final ChatVisibility visibility;
  private final ReportFiling filing;
  private final IdGenerator ids;
  private final Clock clock;

  @Inject
  public ReportFlaggedMessage(
      RoomRepository rooms,
      EventLog events,
      ChatVisibility visibility,
      ReportFiling filing,
      IdGenerator ids,
      Clock clock) {
    this.rooms = rooms;
    this.events = events;
    this.filing = filing;
    this.visibility = visibility;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * @param message the stored message; @param reason the filter's reason code
   */
  public Report report(Event message, String reason) {
    Predicate<Event> shows = rooms.find(message.room()).map(this::shows).orElse(e -> true);
    Report report =
        Report.automatic(
            ids.next(),
            message.id(),
            message.room(),
            ReportWindow.around(events, message, shows),
            "flagged by the content filter: " + reason,
            clock.instant());
    return filing.file(report);
  }

  /** What the room's members see: every message of a channel, Chat V2's rule elsewhere. */
  private Predicate<Event> shows(Room room) {
    if (room.type() == RoomType.CHANNEL) return e -> true;
    return visibility.filter(room, visibility.members(room))::shows;
  }
}
