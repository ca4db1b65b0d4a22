package dev.chatcore.application.sync;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.CoreExecutors;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.e2ee.DeviceSync;
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
 * <p>An admin's sync with a room filter watches those rooms whole, member or not: moderators watch
 * rooms live (the console). Without a filter an admin's sync is anyone's.
 *
 * <p>Cancelling the returned future (the client went away) releases the held sync. A ban issued
 * while the sync is held completes it with the {@code BannedException}.
 *
 * <p>A caller on a device also gets the device's share of each window ({@link DeviceSync}): its
 * to-device messages, device-list changes and key counts; to-device messages and device-list
 * changes alone are reason enough to answer.
 *
 * <p>Each read and answer is {@link VisibleRead}'s, the step the live streams share.
 */
public final class Sync {
  /**
   * @param since the cursor: the {@code next_batch} of the previous answer
   * @param timeout how long to hold when nothing is new; clamped to the configured range
   * @param filter only these rooms, when present
   */
  public record Command(
      Caller caller, EventId since, Duration timeout, Optional<Set<RoomId>> filter) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(since, "since");
      Objects.requireNonNull(timeout, "timeout");
      filter = filter.map(Set::copyOf);
    }
  }

  private final VisibleRead reads;
  private final RegisterCaller register;
  private final SyncWaiter waiter;
  private final Limits limits;
  private final Executor executor;
  private final ScheduledExecutorService timer;
  private final ChatObserver observer;

  /**
   * @param observer told how many events each answer delivered
   */
  @Inject
  public Sync(
      VisibleRead reads,
      RegisterCaller register,
      SyncWaiter waiter,
      Limits limits,
      CoreExecutors executors,
      ChatObserver observer) {
    this.reads = reads;
    this.register = register;
    this.waiter = waiter;
    this.limits = limits;
    this.executor = executors.reads();
    this.timer = executors.timer();
    this.observer = observer;
  }

  /**
   * Starts a sync; the future completes with the batch (possibly empty at the timeout). A ban
   * refuses through the future, not by a throw: it fails with the {@link
   * dev.chatcore.domain.error.BannedException} when the account is banned as the answer is read, or
   * at once when a ban is issued while it is held. (Whether a banned account may start a sync at
   * all is the gate's business: {@link dev.chatcore.application.moderation.CallGate}.)
   */
  public CompletableFuture<SyncBatch> sync(Command command) {
    Account account = register.register(command.caller());
    Duration timeout = limits.clampSyncTimeout(command.timeout());
    VisibleRead.Reader reader = VisibleRead.Reader.of(account, command.caller(), command.filter());
    reads.arrive(reader, command.since());
    Held held = new Held(command, reader);
    held.start(timeout);
    return held.result;
  }

  /** One sync request in flight. */
  private final class Held {
    final Command command;
    final VisibleRead.Reader reader;
    final CompletableFuture<SyncBatch> result = new CompletableFuture<>();

    /** The registration in the waiter now; null while none is live. */
    private volatile SyncWaiter.Parked parked;

    /** The first registration of this request, whose age a new one keeps. */
    private volatile SyncWaiter.Parked first;

    private volatile ScheduledFuture<?> timeoutTask;

    Held(Command command, VisibleRead.Reader reader) {
      this.command = command;
      this.reader = reader;
    }

    void start(Duration timeout) {
      result.whenComplete((batch, failure) -> finish());
      Runnable timedOut =
          reader.device().isEmpty()
              ? () -> result.complete(SyncBatch.empty(command.since()))
              : () ->
                  executor.execute(this::completeIdle); // reads key counts: not on the timer thread
      timeoutTask = timer.schedule(timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
      attempt();
    }

    /** A device's empty answer still tells it its key counts (so it knows when to upload more). */
    private void completeIdle() {
      if (result.isDone()) return;
      SyncBatch idle;
      try {
        idle = reads.idle(reader, command.since());
      } catch (RuntimeException storageDown) {
        idle =
            SyncBatch.empty(command.since()); // still right; the counts come with the next answer
      }
      result.complete(idle);
    }

    /**
     * Reads; answers when something is there, otherwise parks and reads once more: a change between
     * a read and parking wakes nobody, so only a read made after parking, over the rooms it
     * watches, lets the sync wait. Ends parked on the rooms of its last read's scope.
     */
    void attempt() {
      try {
        while (!result.isDone()) {
          Set<RoomId> rooms = answerOrScope();
          if (rooms == null) return;
          SyncWaiter.Parked live = parked;
          if (live != null && live.watches(rooms)) {
            live.signal().thenAcceptAsync(this::onSignal, executor).exceptionally(this::refused);
            return;
          }
          SyncWaiter.Parked p = waiter.park(reader.account().id(), rooms, first);
          boolean firstPark = first == null;
          if (firstPark) first = p;
          parked = p;
          if (live != null) waiter.release(live);
          if (result.isDone()) waiter.release(p);
          // a ban issued after the request passed the gate and before this first registration
          // signalled nobody: ask now, when any later ban signals the registration
          if (firstPark) reads.requireNotRevoked(reader);
        }
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    }

    /**
     * The executor refused the wake-up: the core is closing (its reads stopped), so the sync is
     * answered empty like every other held sync at shutdown. {@link #onSignal} fails no other way.
     */
    private Void refused(Throwable failure) {
      result.complete(SyncBatch.empty(command.since()));
      return null;
    }

    void onSignal(SyncWaiter.Signal signal) {
      SyncWaiter.Parked p = parked;
      parked = null;
      if (p != null) waiter.release(p);
      switch (signal) {
        case CHANGED -> attempt();
        case REVOKED -> {
          try {
            reads.requireNotRevoked(reader);
            attempt(); // the ban was lifted already
          } catch (RuntimeException refused) {
            result.completeExceptionally(refused);
          }
        }
        case EVICTED, SHUTDOWN -> result.complete(SyncBatch.empty(command.since()));
      }
    }

    /**
     * One read ({@link VisibleRead#after}); when something is due, the answer ({@link
     * VisibleRead#answer}, which reads the ban from the store first).
     *
     * @return null when the result was completed; otherwise the rooms the read's scope covers
     */
    private Set<RoomId> answerOrScope() {
      VisibleRead.Read read = reads.after(reader, command.since());
      if (read.caughtUp()) return read.rooms();
      SyncBatch batch = reads.answer(reader, read);
      // false when the client went away (cancelled) or a timeout won: nothing was delivered then
      boolean answered = result.complete(batch);
      if (answered && !batch.events().isEmpty()) observer.delivered(batch.events().size());
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
