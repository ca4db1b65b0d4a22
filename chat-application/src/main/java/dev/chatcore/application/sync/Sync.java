package dev.chatcore.application.sync;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.moderation.BanGate;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.room.SyncScope;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.sync.SyncBatch;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * <p>An admin's sync with a room filter watches those rooms whole, member or not: moderators
 * watch rooms live (the console). Without a filter an admin's sync is anyone's.
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

  private final ChatStorage storage;
  private final RoomAccess access;
  private final RegisterCaller register;
  private final SyncWaiter waiter;
  private final Limits limits;
  private final Executor executor;
  private final ScheduledExecutorService timer;
  private final BanGate bans;
  private final ChatObserver observer;

  /** @param observer told how many events each answer delivered */
  @Inject
  public Sync(ChatStorage storage, RoomAccess access, RegisterCaller register, SyncWaiter waiter, Limits limits,
      Executor executor, ScheduledExecutorService timer, BanGate bans, ChatObserver observer) {
    this.storage = storage;
    this.access = access;
    this.register = register;
    this.waiter = waiter;
    this.limits = limits;
    this.executor = executor;
    this.timer = timer;
    this.bans = bans;
    this.observer = observer;
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
     * One read, in the order the visibility argument needs (docs/architecture.md): the head
     * first, then the scope, then the events up to that head, then (for an answer) the ban.
     * Every membership record and tombstone of a change at or below the head was stored before
     * the change could be read, so the scope holds them all, and each event is judged by its own
     * position.
     *
     * @return null when the result was completed; otherwise the rooms the scope reads
     */
    private Set<RoomId> answerOrScope() {
      EventId upTo = storage.events().head();
      SyncScope scope = access.scopeFor(account, command.caller().admin(), command.since(), command.filter());
      StreamSlice slice = storage.events().readAfter(command.since(), upTo, scope.rooms(), limits.syncBatchMax());
      List<Event> visible = new ArrayList<>(slice.events().size());
      for (Event e : slice.events()) {
        if (scope.includes(e)) visible.add(e);
      }
      if (visible.isEmpty() && !slice.limited()) return scope.rooms();
      // read from the store after upTo: a ban stored after this read was stored after every
      // event delivered here was readable (only an answer needs it: nothing else is delivered)
      bans.requireNotBannedNow(account.id());
      // false when the client went away (cancelled) or a timeout won: nothing was delivered then
      boolean answered = result.complete(new SyncBatch(visible, slice.upTo(), slice.limited()));
      if (answered && !visible.isEmpty()) observer.delivered(visible.size());
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
