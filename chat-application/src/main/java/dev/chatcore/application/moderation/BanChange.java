package dev.chatcore.application.moderation;

import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.sync.SyncWaiter;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.port.BanRepository;
import jakarta.inject.Inject;

/**
 * The one way a service-wide ban is stored or lifted, by an admin ({@link BanAccount}, {@link
 * UnbanAccount}) or automatically ({@link AutomaticBans}): the {@link BanGate} of this node learns
 * of the change at once, and a new ban answers the account's held syncs.
 */
public final class BanChange {
  private final BanRepository bans;
  private final BanGate gate;
  private final SyncWaiter waiter;
  private final ChatObserver observer;

  /**
   * @param observer told of every ban stored, by an admin or automatically
   */
  @Inject
  public BanChange(BanRepository bans, BanGate gate, SyncWaiter waiter, ChatObserver observer) {
    this.bans = bans;
    this.gate = gate;
    this.waiter = waiter;
    this.observer = observer;
  }

  /**
   * Stores {@code ban}. The gate knows the ban before it is stored, so on this node every request
   * check from then on refuses; syncs check the store itself after reading their head
   * (docs/architecture.md, "Sync visibility").
   */
  void issue(Ban ban) {
    gate.remember(ban);
    try {
      bans.put(ban);
    } catch (RuntimeException e) {
      gate.invalidate(ban.account());
      throw e;
    }
    gate.remember(ban); // again: a lookup that read the store before the ban may have cached "none"
    waiter.revoke(ban.account());
    observer.banned(ban);
  }

  /** Removes the account's ban; false when there was none. */
  boolean lift(AccountId account) {
    if (!bans.remove(account)) return false;
    gate.invalidate(account);
    return true;
  }
}
