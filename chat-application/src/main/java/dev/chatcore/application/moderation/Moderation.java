package dev.chatcore.application.moderation;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.sync.SyncWaiter;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.moderation.Offences;
import dev.chatcore.domain.moderation.SpamPolicy;
import dev.chatcore.domain.policy.FutureTimes;
import dev.chatcore.domain.port.ChatStorage;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bans: issue (for a duration or permanently), lift, list, and the automatic ladder behind spam
 * bans. A new ban answers the account's held syncs at once.
 */
public final class Moderation {
  /** Longest reason kept. */
  public static final int REASON_MAX_CHARS = 500;

  /** Most bans {@link #history} returns. */
  public static final int HISTORY_MAX = 50;

  private final ChatStorage storage;
  private final BanGate gate;
  private final SyncWaiter waiter;
  private final SpamPolicy policy;
  private final Clock clock;
  private final ChatObserver observer;

  /** @param observer told of every ban stored, by an admin or automatically */
  @Inject
  public Moderation(ChatStorage storage, BanGate gate, SyncWaiter waiter, SpamPolicy policy, Clock clock,
      ChatObserver observer) {
    this.storage = storage;
    this.gate = gate;
    this.waiter = waiter;
    this.policy = policy;
    this.clock = clock;
    this.observer = observer;
  }

  /** A page of bans and how many remain after it. */
  public record BanPage(List<Ban> bans, long remaining) {}

  /**
   * An account's record: its bans newest first (at most {@link #HISTORY_MAX}), the one stored now
   * (in force or expired; empty after a lift), and the offences behind automatic bans.
   */
  public record BanHistory(List<Ban> bans, Optional<Ban> current, Offences offences) {
    public BanHistory {
      bans = List.copyOf(bans);
    }
  }

  /**
   * Admin: bans an account.
   *
   * @param duration empty for a permanent ban; otherwise from one second to 100 years
   */
  public Ban ban(Caller admin, AccountId account, Optional<Duration> duration, String reason) {
    admin.requireAdmin();
    duration.ifPresent(d -> FutureTimes.duration(d, "duration"));
    String why = reason == null ? "" : reason.strip();
    if (why.length() > REASON_MAX_CHARS) throw new InvalidInputException("reason", "must be at most " + REASON_MAX_CHARS + " characters");
    Instant now = clock.instant();
    Ban ban = new Ban(account, duration.map(now::plus), why, false, now, Optional.of(admin.id()));
    apply(ban);
    return ban;
  }

  /** Admin: lifts the account's ban (manual or automatic). */
  public void unban(Caller admin, AccountId account) {
    admin.requireAdmin();
    if (!storage.bans().remove(account)) throw new NotFoundException("no ban for that account");
    gate.invalidate(account);
  }

  /** Admin: the account's ban, or every ban, 10 per page; {@code page} from 0. */
  public BanPage list(Caller admin, Optional<AccountId> account, int page, int perPage) {
    admin.requireAdmin();
    if (page < 0) throw new InvalidInputException("page", "must be 0 or more");
    if (account.isPresent()) {
      return new BanPage(storage.bans().find(account.get()).stream().toList(), 0);
    }
    long offset = (long) page * perPage;
    List<Ban> bans = storage.bans().list((int) Math.min(offset, Integer.MAX_VALUE), perPage);
    return new BanPage(bans, Math.max(0, storage.bans().count() - offset - bans.size()));
  }

  /** Admin: the account's ban history, its current ban and its offence record. */
  public BanHistory history(Caller admin, AccountId account) {
    admin.requireAdmin();
    return new BanHistory(storage.bans().history(account, HISTORY_MAX), storage.bans().find(account),
        storage.bans().offences(account));
  }

  /** Issues the next automatic ban of the ladder; returns the refusal to throw. */
  BannedException banAutomatically(AccountId account, String reason) {
    Instant now = clock.instant();
    Offences offences = storage.bans().offences(account).plusOne(now, policy.decay());
    storage.bans().putOffences(account, offences);
    Duration length = policy.banFor(offences.count());
    Ban ban = new Ban(account, Optional.of(now.plus(length)), reason + " (automatic, offence " + offences.count() + ")",
        true, now, Optional.empty());
    apply(ban);
    return new BannedException(ban.until().orElseThrow(), ban.reason());
  }

  /**
   * The gate knows the ban before it is stored, so on this node every request check from then on
   * refuses; syncs check the store itself after reading their head (docs/architecture.md, "Sync
   * visibility").
   */
  private void apply(Ban ban) {
    gate.remember(ban);
    try {
      storage.bans().put(ban);
    } catch (RuntimeException e) {
      gate.invalidate(ban.account());
      throw e;
    }
    gate.remember(ban); // again: a lookup that read the store before the ban may have cached "none"
    waiter.revoke(ban.account());
    observer.banned(ban);
  }
}
