package dev.chatcore.application.sync;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.moderation.BanGate;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.sync.SyncBatch;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Long-poll sync: the events after a cursor across every room the caller may see, at once when
 * there are any, otherwise when the first arrives or the timeout passes. No thread waits: the
 * returned future completes from the thread that woke it (reads run on {@code executor}).
 *
 * <p>Cancelling the returned future (the client went away) releases the held sync. A ban
 * issued while the sync is held completes it with the {@code BannedException}.
 */
public final class Sync {
  /**
   * @param since the cursor: the {@code next_batch} of the previous answer
   * @param timeout how long to hold when nothing is new; clamped to the configured range
   * @param filter only these rooms, when present
   */
  public record Command(Caller caller, EventId since, Duration timeout, Optional<Set<RoomId>> filter) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(timeout, "timeout");
      filter = filter.map(Set::copyOf);
    }
  }

  private final VisibleRead reader;
  private final RegisterCaller register;
  private final SyncWaiter waiter;
  private final Limits limits;
  private final Executor executor;
  private final ScheduledExecutorService timer;
  private final BanGate bans;

  @Inject
  public Sync(VisibleRead reader, RegisterCaller register, SyncWaiter waiter, Limits limits, Executor executor,
      ScheduledExecutorService timer, BanGate bans) {
    this.reader = reader;
    this.register = register;
    this.waiter = waiter;
    this.limits = limits;
    this.executor = executor;
    this.timer = timer;
    this.bans = bans;
  }

  /** Starts a sync; the future completes with the batch (possibly empty at the timeout). */
  public CompletableFuture<SyncBatch> sync(Command command) {
    Account account = register.register(command.caller());
    Duration timeout = limits.clampSyncTimeout(command.timeout());
    Held held = new Held(command, account);
    held.start(timeout);
    return held.result;
  }

  /** One sync request in flight. */
  private final class Held {
    final Command command;
    final Account account;
    final CompletableFuture<SyncBatch> result = new CompletableFuture<>();
    /** The registration in the waiter now; null while none is live. */
    private volatile SyncWaiter.Parked parked;
    /** The first registration of this request, whose age a new one keeps. */
    private volatile SyncWaiter.Parked first;
    private volatile ScheduledFuture<?> timeoutTask;

    Held(Command command, Account account) {
      this.command = command;
      this.account = account;
    }

    void start(Duration timeout) {
      result.whenComplete((batch, failure) -> finish());
      timeoutTask = timer.schedule(() -> result.complete(SyncBatch.empty(command.since())),
          timeout.toNanos(), TimeUnit.NANOSECONDS);
      attempt();
    }

    /**
     * Reads; answers when something is there, otherwise parks and reads once more: a change
     * between a read and parking wakes nobody, so only a read made after parking, over the rooms
     * it watches, lets the sync wait. Ends parked on the rooms of its last read's scope.
     */
    void attempt() {
      try {
        while (!result.isDone()) {
          Set<RoomId> rooms = answerOrScope();
          if (rooms == null) return;
          SyncWaiter.Parked live = parked;
          if (live != null && live.watches(rooms)) {
            live.signal().thenAcceptAsync(this::onSignal, executor);
            return;
          }
          SyncWaiter.Parked p = waiter.park(account.id(), rooms, first);
          if (first == null) first = p;
          parked = p;
          if (live != null) waiter.release(live);
          if (result.isDone()) waiter.release(p);
        }
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }

    void onSignal(SyncWaiter.Signal signal) {
      SyncWaiter.Parked p = parked;
      parked = null;
      if (p != null) waiter.release(p);
      switch (signal) {
        case CHANGED -> attempt();
        case REVOKED -> {
          try {
            bans.requireNotBanned(account.id());
            attempt(); // the ban was lifted already
          } catch (RuntimeException refused) {
            result.completeExceptionally(refused);
          }
        }
        case EVICTED, SHUTDOWN -> result.complete(SyncBatch.empty(command.since()));
      }
    }

    /**
     * One read ({@link VisibleRead}): completes the result when there is something to answer.
     *
     * @return null when the result was completed; otherwise the rooms the read's scope covers
     */
    private Set<RoomId> answerOrScope() {
      VisibleRead.Read read = reader.after(account, command.since(), command.filter());
      if (read.caughtUp()) return read.rooms();
      result.complete(new SyncBatch(read.events(), read.upTo(), read.limited()));
      return null;
    }

    private void finish() {
      ScheduledFuture<?> t = timeoutTask;
      if (t != null) t.cancel(false);
      SyncWaiter.Parked p = parked;
      if (p != null) waiter.release(p);
    }
  }
}
