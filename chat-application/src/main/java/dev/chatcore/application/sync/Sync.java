package dev.chatcore.application.sync;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.moderation.BanGate;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.e2ee.DeviceSync;
import dev.chatcore.application.room.SyncScope;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.sync.DeviceUpdates;
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
import java.util.function.Supplier;

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
 *
 * <p>A caller on a device also gets the device's share of each window ({@link DeviceSync}): its
 * to-device messages, device-list changes and key counts; to-device messages and device-list
 * changes alone are reason enough to answer.
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
  private final DeviceSync devices;

  /**
   * @param observer told how many events each answer delivered
   * @param devices a device's share of each window
   */
  @Inject
  public Sync(ChatStorage storage, RoomAccess access, RegisterCaller register, SyncWaiter waiter, Limits limits,
      Executor executor, ScheduledExecutorService timer, BanGate bans, ChatObserver observer, DeviceSync devices) {
    this.storage = storage;
    this.access = access;
    this.register = register;
    this.waiter = waiter;
    this.limits = limits;
    this.executor = executor;
    this.timer = timer;
    this.bans = bans;
    this.observer = observer;
    this.devices = devices;
  }

  /** Starts a sync; the future completes with the batch (possibly empty at the timeout). */
  public CompletableFuture<SyncBatch> sync(Command command) {
    Account account = register.register(command.caller());
    Duration timeout = limits.clampSyncTimeout(command.timeout());
    DeviceAddress device = command.caller().device().map(d -> new DeviceAddress(account.id(), d)).orElse(null);
    if (device != null) devices.arrive(device, command.since());
    Held held = new Held(command, account, device);
    held.start(timeout);
    return held.result;
  }

  /** One sync request in flight. */
  private final class Held {
    final Command command;
    final Account account;
    /** The caller's device; null for a caller without one. */
    final DeviceAddress device;
    final CompletableFuture<SyncBatch> result = new CompletableFuture<>();
    /** The registration in the waiter now; null while none is live. */
    private volatile SyncWaiter.Parked parked;
    /** The first registration of this request, whose age a new one keeps. */
    private volatile SyncWaiter.Parked first;
    private volatile ScheduledFuture<?> timeoutTask;

    Held(Command command, Account account, DeviceAddress device) {
      this.command = command;
      this.account = account;
      this.device = device;
    }

    void start(Duration timeout) {
      result.whenComplete((batch, failure) -> finish());
      Runnable timedOut = device == null ? () -> result.complete(SyncBatch.empty(command.since()))
          : () -> executor.execute(this::completeIdle); // reads key counts: not on the timer thread
      timeoutTask = timer.schedule(timedOut, timeout.toNanos(), TimeUnit.NANOSECONDS);
      attempt();
    }

    /** A device's empty answer still tells it its key counts (so it knows when to upload more). */
    private void completeIdle() {
      if (result.isDone()) return;
      Optional<DeviceUpdates> counts;
      try {
        counts = Optional.of(devices.idle(device));
      } catch (RuntimeException storageDown) {
        counts = Optional.empty(); // an empty answer is still right; the counts come with the next one
      }
      result.complete(new SyncBatch(List.of(), command.since(), false, counts));
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
            live.signal().thenAcceptAsync(this::onSignal, executor).exceptionally(this::refused);
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
      if (device != null) {
        DeviceSync.Window window = devices.read(device, command.since(), visible, slice.upTo(), slice.limited());
        if (window.events().isEmpty() && !window.limited() && !window.hasDeviceNews()) return scope.rooms();
        return answer(window.events(), window.upTo(), window.limited(), () -> Optional.of(devices.updates(device,
            window)));
      }
      if (visible.isEmpty() && !slice.limited()) return scope.rooms();
      return answer(visible, slice.upTo(), slice.limited(), Optional::empty);
    }

    /**
     * Answers, after reading the ban from the store: a ban stored after this read was stored after
     * every event delivered here was readable (only an answer needs it: nothing else is delivered).
     *
     * @return null, as {@link #answerOrScope()} does once it answered
     */
    private Set<RoomId> answer(List<Event> events, EventId upTo, boolean limited,
        Supplier<Optional<DeviceUpdates>> device) {
      bans.requireNotBannedNow(account.id());
      // false when the client went away (cancelled) or a timeout won: nothing was delivered then
      boolean answered = result.complete(new SyncBatch(events, upTo, limited, device.get()));
      if (answered && !events.isEmpty()) observer.delivered(events.size());
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
