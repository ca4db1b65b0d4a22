package dev.chatcore.application;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A fixed set of locks picked by key hash (lock striping). Use cases hold one around "change the
 * store, then append the event that tells of it", so that on one node the stream tells changes of
 * one key (a receipt, a reaction, a membership) in the order the store made them. The store's own
 * atomic operations keep the state right on any number of nodes; this only orders the events.
 * ReentrantLocks, not monitors, so that a virtual thread waiting here does not pin its carrier.
 */
@Singleton
public final class KeyedLocks {
  private final ReentrantLock[] stripes;

  /** 1024 stripes: one instance is shared by every use case (containers: a singleton). */
  @Inject
  public KeyedLocks() {
    this(1024);
  }

  private KeyedLocks(int stripes) {
    if (stripes < 1) throw new IllegalArgumentException("stripes < 1");
    this.stripes = new ReentrantLock[stripes];
    for (int i = 0; i < stripes; i++) this.stripes[i] = new ReentrantLock();
  }

  /** Runs {@code action} holding the lock of {@code key} (compared by {@code equals}). */
  public <T> T withLock(Object key, Supplier<T> action) {
    ReentrantLock lock = stripes[Math.floorMod(Objects.hashCode(key) * 0x9E3779B9, stripes.length)];
    lock.lock();
    try {
      return action.get();
    } finally {
      lock.unlock();
    }
  }
}
