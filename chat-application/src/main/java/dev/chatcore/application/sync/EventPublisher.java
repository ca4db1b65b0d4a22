package dev.chatcore.application.sync;

import dev.chatcore.domain.event.Appended;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.BeforeVisible;
import dev.chatcore.domain.port.EventLog;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * The one way events enter the stream: append to the log, then wake the syncs that watch the room
 * (and, for membership changes, the syncs of the account whose rooms changed).
 */
public final class EventPublisher {
  private final EventLog events;
  private final SyncWaiter waiter;

  @Inject
  public EventPublisher(EventLog events, SyncWaiter waiter) {
    this.events = events;
    this.waiter = waiter;
  }

  /** Appends and wakes; a retry with a known transaction id wakes nobody. */
  public Appended publish(NewEvent event) {
    return publish(event, BeforeVisible.NOTHING);
  }

  /**
   * Appends an event of a new channel and wakes every held sync and stream: channel membership is
   * automatic, so the room is in every account's scope from its creation on, though no waiter
   * watches it yet.
   */
  public Appended publishNewChannel(NewEvent event) {
    Appended appended = publish(event);
    if (appended.created()) waiter.wakeAll();
    return appended;
  }

  /**
   * Appends, storing what {@code beforeVisible} stores before the event can be read (a membership
   * record, a tombstone), and wakes.
   */
  public Appended publish(NewEvent event, BeforeVisible beforeVisible) {
    Appended appended = events.append(event, beforeVisible);
    if (appended.created()) {
      waiter.wakeRoom(event.room());
      if (event.content() instanceof EventContent.Member member)
        waiter.wakeAccount(member.target());
    }
    return appended;
  }

  /**
   * Takes a stream position for a change stored elsewhere ({@code beforeVisible} stores it: a
   * to-device send, a device-list change), then wakes the syncs watching {@code rooms} and the
   * syncs of {@code accounts}.
   *
   * @return the position taken
   */
  public EventId mark(Set<RoomId> rooms, Set<AccountId> accounts, BeforeVisible beforeVisible) {
    EventId position = events.mark(rooms, accounts, beforeVisible);
    rooms.forEach(waiter::wakeRoom);
    accounts.forEach(waiter::wakeAccount);
    return position;
  }
}
