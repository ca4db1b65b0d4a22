package dev.chatcore.application.sync;

import dev.chatcore.domain.event.Appended;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.port.BeforeVisible;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;

/**
 * The one way events enter the stream: append to the log, then wake the syncs that watch the
 * room (and, for membership changes, the syncs of the account whose rooms changed).
 */
public final class EventPublisher {
  private final ChatStorage storage;
  private final SyncWaiter waiter;

  @Inject
  public EventPublisher(ChatStorage storage, SyncWaiter waiter) {
    this.storage = storage;
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
    Appended appended = storage.events().append(event, beforeVisible);
    if (appended.created()) {
      waiter.wakeRoom(event.room());
      if (event.content() instanceof EventContent.Member member) waiter.wakeAccount(member.target());
    }
    return appended;
  }
}
