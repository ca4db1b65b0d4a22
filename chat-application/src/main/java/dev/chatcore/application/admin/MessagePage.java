package dev.chatcore.application.admin;

import dev.chatcore.domain.event.Event;
import java.util.List;

/**
 * A page of the stream's messages as admins list and search them, newest first.
 *
 * @param events the messages of this page
 * @param page the page number, from 0
 * @param perPage {@link #PER_PAGE}
 * @param remaining how many matching messages follow this page
 */
public record MessagePage(List<Event> events, int page, int perPage, long remaining) {
  public static final int PER_PAGE = 100;

  public MessagePage {
    events = List.copyOf(events);
  }

  static MessagePage empty(int page) {
    return new MessagePage(List.of(), page, PER_PAGE, 0);
  }
}
