package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.EventFeed;

/**
 * The feed of a single-process store: it reports nothing, because every append happens in this
 * process and the core's publisher already wakes the syncs that watch the room.
 */
public final class InMemoryEventFeed implements EventFeed {
  private volatile boolean closed;

  @Override
  public Subscription subscribe(Listener listener) {
    if (closed) throw new IllegalStateException("feed is closed");
    return () -> {};
  }

  @Override
  public String delivery() {
    return "local";
  }

  @Override
  public void close() {
    closed = true;
  }
}
