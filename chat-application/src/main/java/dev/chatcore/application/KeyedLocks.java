package dev.chatcore.application;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.function.Supplier;

/**
 * The core's one set of {@link StripedLocks}, shared by every use case. They hold one around
 * "change the store, then append the event that tells of it", so that on one node the stream tells
 * changes of one key (a receipt, a reaction, a membership) in the order the store made them. The
 * store's own atomic operations keep the state right on any number of nodes; this only orders the
 * events. ReentrantLocks, not monitors, so that a virtual thread waiting here does not pin its
 * carrier.
 */
@Singleton
public final class KeyedLocks {
  private final StripedLocks stripes = new StripedLocks();

  /** One instance is shared by every use case (containers: a singleton). */
  @Inject
  public KeyedLocks() {}

  /** Runs {@code action} holding the lock of {@code key} (compared by {@code equals}). */
  public <T> T withLock(Object key, Supplier<T> action) {
    return stripes.with(key, action);
  }
}
