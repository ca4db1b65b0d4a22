package dev.chatcore.application.admin;

import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.MessageFilter;
import dev.chatcore.domain.port.EventLog;
import java.util.List;

/** Reads the pages of {@link ListAdminMessages} and {@link SearchMessages} from the stream. */
final class MessagePages {
  private final EventLog events;

  MessagePages(EventLog events) {
    this.events = events;
  }

  /**
   * Where a page starts, past {@link Integer#MAX_VALUE} for a page no store can skip to (it is
   * empty).
   *
   * @throws InvalidInputException for a negative page
   */
  static long offset(int page) {
    if (page < 0) throw new InvalidInputException("page", "must be 0 or more");
    return (long) page * MessagePage.PER_PAGE;
  }

  static boolean reachable(long offset) {
    return offset <= Integer.MAX_VALUE;
  }

  /** The messages matching {@code filter} on page {@code page} (checked by {@link #offset}). */
  MessagePage read(MessageFilter filter, int page) {
    long offset = offset(page);
    if (!reachable(offset)) return MessagePage.empty(page);
    List<Event> found = events.findMessages(filter, (int) offset, MessagePage.PER_PAGE);
    long total = events.countMessages(filter);
    return new MessagePage(
        found, page, MessagePage.PER_PAGE, Math.max(0, total - offset - found.size()));
  }
}
