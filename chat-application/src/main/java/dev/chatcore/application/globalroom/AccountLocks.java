package dev.chatcore.application.globalroom;

import dev.chatcore.domain.id.AccountId;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Striped locks by account: one account's global seat changes and the membership projection
 * written after them happen one at a time on this node, so the projection ends in the order the
 * seat directory decided. (The seat directory itself is atomic without them; across nodes the
 * projection may briefly lag, never the seat.) {@link ReentrantLock} so virtual threads do not pin.
 */
final class AccountLocks {
  private static final int STRIPES = 1024;
  private final ReentrantLock[] locks = new ReentrantLock[STRIPES];

  AccountLocks() {
    for (int i = 0; i < STRIPES; i++) locks[i] = new ReentrantLock();
  }

  <T> T with(AccountId account, Supplier<T> work) {
    ReentrantLock lock = locks[Math.floorMod(account.hashCode(), STRIPES)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
