package dev.chatcore.application.report;

import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportedMessage;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.port.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The snapshot a report keeps: up to {@link Report#WINDOW} messages before and after the reported
 * one that its room's members could see, oldest first. Player reports and the content filter's
 * automatic reports take it the same way.
 */
final class ReportWindow {
  private ReportWindow() {}

  /**
   * @param shows which messages of the room count (the others are skipped, not counted)
   */
  static List<ReportedMessage> around(EventLog events, Event target, Predicate<Event> shows) {
    List<ReportedMessage> window = new ArrayList<>();
    // read ahead: hidden messages do not count towards the window
    for (Event e :
        events.readMessages(
            target.room(), Optional.of(target.id()), Direction.BACKWARD, Report.WINDOW * 4)) {
      if (window.size() == Report.WINDOW) break;
      if (shows.test(e)) window.add(0, snapshot(e));
    }
    window.add(snapshot(target));
    int after = 0;
    for (Event e :
        events.readMessages(
            target.room(), Optional.of(target.id()), Direction.FORWARD, Report.WINDOW * 4)) {
      if (after == Report.WINDOW) break;
      if (shows.test(e)) {
        window.add(snapshot(e));
        after++;
      }
    }
    return window;
  }

  /** A plain message as it is; an encrypted one as who sent it when, since its text is unknown. */
  private static ReportedMessage snapshot(Event e) {
    if (!(e.content() instanceof EventContent.Message m))
      return ReportedMessage.encrypted(e.id(), e.sender(), e.originTs());
    return new ReportedMessage(e.id(), e.sender(), m.text(), m.context(), e.originTs());
  }
}
