package dev.chatcore.application;

import jakarta.inject.Inject;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Striped locks by key (an account, a DM member set): work on one key runs one at a time on this
 * node, other keys do not wait. Used where a storage operation is atomic by itself but the records
 * and events written after it must follow in the same order (the stores stay correct across nodes
 * without it). {@link ReentrantLock}, so virtual threads do not pin a carrier.
 *
 * <p>Not a singleton: each owner keeps stripes of its own, so that one owner's work never waits for
 * another's; {@link KeyedLocks} is the one set that use cases share to order events across them.
 */
public final class StripedLocks {
  private static final int STRIPES = 1024;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  @Inject
  public StripedLocks() {
    for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
  }

  /** Runs {@code work} holding the lock of {@code key}'s stripe. */
  public <T> T with(Object key, Supplier<T> work) {
    // spread the hash (Fibonacci hashing): keys with similar hashes land on different stripes
    ReentrantLock lock = locks[Math.floorMod(key.hashCode() * 0x9E3779B9, STRIPES)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
