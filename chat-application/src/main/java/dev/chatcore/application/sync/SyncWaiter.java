package dev.chatcore.application.sync;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The registry of held syncs. A parked sync costs one small object and no thread; a wake completes
 * the signals of exactly the syncs that watch the changed room (or account), and the sync then
 * reads the store again. Thread-safe; one per node (containers: a singleton), since a wake reaches
 * only the syncs parked in the same waiter.
 *
 * <p>At most {@link Limits#heldSyncsPerAccount()} syncs of one account are held: parking one more
 * answers the oldest at once ({@link Signal#EVICTED}), so a client cannot pile up held requests.
 * "Oldest" is by when the request was first parked: a sync woken for nothing that parks again
 * ({@link #park(AccountId, Set, Parked)}) keeps its age, so a spurious wake (a feed's late wake-up,
 * say) cannot make a newer request the one evicted.
 *
 * <p>Live streams register differently: a {@link Watch} stays registered and is signalled on every
 * change of what it watches until it is released, instead of once. A stream reads after every
 * signal and re-registers only when the rooms it reads change, so a busy stream does not pay a
 * registration per delivery. Watches are woken, revoked and shut down like held syncs but are not
 * held syncs: they neither count against the held-sync cap nor evict (streams have their own
 * per-account cap).
 */
@Singleton
public final class SyncWaiter {
  /** Why a parked sync was signalled. */
  public enum Signal {
    /** Something it watches changed: read again. */
    CHANGED,
    /** A newer sync of the same account replaced it: answer with nothing. */
    EVICTED,
    /** The server is stopping: answer with nothing. */
    SHUTDOWN,
    /** The account lost the right to sync (it was banned): answer with the refusal. */
    REVOKED
  }

  private static final AtomicLong SERIALS = new AtomicLong();

  /** Oldest request first; the serial tells apart two parkings of one age. */
  private static final Comparator<Parked> BY_AGE =
      Comparator.<Parked>comparingLong(p -> p.age).thenComparingLong(p -> p.serial);

  /** One held sync. */
  public static final class Parked {
    private final AccountId account;
    private final Set<RoomId> rooms;
    private final long serial = SERIALS.incrementAndGet();
    private final long age;
    private final CompletableFuture<Signal> signal = new CompletableFuture<>();

    private Parked(AccountId account, Set<RoomId> rooms, Parked previous) {
      this.account = account;
      this.rooms = rooms;
      this.age = previous == null ? serial : previous.age;
    }

    /** Completes once, with the first signal. */
    public CompletableFuture<Signal> signal() {
      return signal;
    }

    /** True when this registration watches exactly {@code rooms}. */
    public boolean watches(Set<RoomId> rooms) {
      return this.rooms.equals(rooms);
    }
  }

  /** Told of every change a {@link Watch} sees. Must be quick: it runs on the waker's thread. */
  @FunctionalInterface
  public interface Watcher {
    void signal(Signal signal);
  }

  /** A live stream's standing registration: signalled on every change of its rooms or account. */
  public static final class Watch {
    private final AccountId account;
    private final Set<RoomId> rooms;
    private final Watcher watcher;

    private Watch(AccountId account, Set<RoomId> rooms, Watcher watcher) {
      this.account = account;
      this.rooms = rooms;
      this.watcher = watcher;
    }

    /** True when this registration watches exactly {@code rooms}. */
    public boolean watches(Set<RoomId> rooms) {
      return this.rooms.equals(rooms);
    }
  }

  private final int maxPerAccount;
  private final Map<RoomId, Set<Parked>> byRoom = new ConcurrentHashMap<>();
  private final Map<AccountId, NavigableSet<Parked>> byAccount = new ConcurrentHashMap<>();
  private final Map<RoomId, Set<Watch>> watchesByRoom = new ConcurrentHashMap<>();
  private final Map<AccountId, Set<Watch>> watchesByAccount = new ConcurrentHashMap<>();
  private volatile boolean shutDown;

  @Inject
  public SyncWaiter(Limits limits) {
    this.maxPerAccount = limits.heldSyncsPerAccount();
  }

  /**
   * Registers a held sync that watches {@code rooms} and the account itself. The caller must read
   * the store again after parking (a change between its first read and this call would otherwise be
   * missed) and must {@link #release} the sync when it is done.
   */
  public Parked park(AccountId account, Set<RoomId> rooms) {
    return park(account, rooms, null);
  }

  /**
   * {@link #park(AccountId, Set)} for a request parked before as {@code previous} (released since):
   * it keeps the age of {@code previous} for the choice of the oldest.
   */
  public Parked park(AccountId account, Set<RoomId> rooms, Parked previous) {
    Parked parked = new Parked(account, Set.copyOf(rooms), previous);
    Parked[] evicted = new Parked[1];
    byAccount.compute(
        account,
        (a, held) -> {
          NavigableSet<Parked> mine = held == null ? new TreeSet<>(BY_AGE) : held;
          synchronized (mine) {
            mine.add(parked);
            if (mine.size() > maxPerAccount) evicted[0] = mine.pollFirst();
          }
          return mine;
        });
    // compute() makes "add to the room's set" atomic with release()'s "drop the set when empty":
    // otherwise a sync could join a set just removed from the map and never be woken.
    for (RoomId room : parked.rooms) {
      byRoom.compute(
          room,
          (r, watching) -> {
            Set<Parked> set = watching == null ? ConcurrentHashMap.newKeySet() : watching;
            set.add(parked);
            return set;
          });
    }
    if (evicted[0] != null) evicted[0].signal.complete(Signal.EVICTED);
    if (shutDown) parked.signal.complete(Signal.SHUTDOWN);
    return parked;
  }

  /**
   * Registers a live stream's standing watch on {@code rooms} and the account: {@code watcher}
   * hears of every change from now on, until {@link #release(Watch)}. As with {@link #park}, the
   * caller reads the store after registering; a change before the registration is in that read, one
   * after it is signalled.
   */
  public Watch watch(AccountId account, Set<RoomId> rooms, Watcher watcher) {
    Watch watch = new Watch(account, Set.copyOf(rooms), watcher);
    watchesByAccount.compute(account, (a, mine) -> add(mine, watch));
    for (RoomId room : watch.rooms)
      watchesByRoom.compute(room, (r, watching) -> add(watching, watch));
    if (shutDown) watcher.signal(Signal.SHUTDOWN);
    return watch;
  }

  /** Forgets a watch (the stream ended, or watches other rooms now). Idempotent. */
  public void release(Watch watch) {
    for (RoomId room : watch.rooms)
      watchesByRoom.computeIfPresent(room, (r, watching) -> remove(watching, watch));
    watchesByAccount.computeIfPresent(watch.account, (a, mine) -> remove(mine, watch));
  }

  // compute() makes "add to the set" atomic with release()'s "drop the set when empty"
  private static Set<Watch> add(Set<Watch> set, Watch watch) {
    Set<Watch> s = set == null ? ConcurrentHashMap.newKeySet() : set;
    s.add(watch);
    return s;
  }

  private static Set<Watch> remove(Set<Watch> set, Watch watch) {
    set.remove(watch);
    return set.isEmpty() ? null : set;
  }

  private static void signalWatches(Set<Watch> watches, Signal signal) {
    if (watches != null) for (Watch w : watches) w.watcher.signal(signal);
  }

  /** Forgets a held sync (answered, timed out, or its client went away). Idempotent. */
  public void release(Parked parked) {
    for (RoomId room : parked.rooms) {
      byRoom.computeIfPresent(
          room,
          (r, watching) -> {
            watching.remove(parked);
            return watching.isEmpty() ? null : watching;
          });
    }
    byAccount.computeIfPresent(
        parked.account,
        (a, mine) -> {
          synchronized (mine) {
            mine.remove(parked);
            return mine.isEmpty() ? null : mine;
          }
        });
  }

  /**
   * Signals every sync watching the room. The room's whole set is taken out at once (a woken sync
   * that finds nothing parks again), so a busy room's wake does not cost one contended removal per
   * held sync.
   */
  public void wakeRoom(RoomId room) {
    Set<Parked> watching = byRoom.remove(room);
    if (watching != null) signalAll(watching, Signal.CHANGED);
    signalWatches(watchesByRoom.get(room), Signal.CHANGED);
  }

  /** Signals every sync of the account (its set of rooms changed). */
  public void wakeAccount(AccountId account) {
    signalAccount(account, Signal.CHANGED);
  }

  /** Answers every held sync of the account with its refusal (it was banned). */
  public void revoke(AccountId account) {
    signalAccount(account, Signal.REVOKED);
  }

  /**
   * Signals every held sync and stream: something every account may see appeared outside the rooms
   * they watch (a new channel; channel membership is automatic). Each reads again, and its scope
   * then holds the new room.
   */
  public void wakeAll() {
    for (NavigableSet<Parked> mine : byAccount.values()) {
      Parked[] copy;
      synchronized (mine) {
        copy = mine.toArray(Parked[]::new);
      }
      for (Parked p : copy) p.signal.complete(Signal.CHANGED);
    }
    for (Set<Watch> watches : watchesByAccount.values()) signalWatches(watches, Signal.CHANGED);
  }

  private void signalAccount(AccountId account, Signal signal) {
    signalWatches(watchesByAccount.get(account), signal);
    NavigableSet<Parked> mine = byAccount.get(account);
    if (mine == null) return;
    Parked[] copy;
    synchronized (mine) {
      copy = mine.toArray(Parked[]::new);
    }
    for (Parked p : copy) p.signal.complete(signal);
  }

  /** Answers every held sync and every later one at once: the server is stopping. */
  public void shutdown() {
    shutDown = true;
    for (Set<Watch> watches : watchesByAccount.values()) signalWatches(watches, Signal.SHUTDOWN);
    for (Set<Parked> watching : byRoom.values()) signalAll(watching, Signal.SHUTDOWN);
    for (NavigableSet<Parked> mine : byAccount.values()) {
      Parked[] copy;
      synchronized (mine) {
        copy = mine.toArray(Parked[]::new);
      }
      for (Parked p : copy) p.signal.complete(Signal.SHUTDOWN);
    }
  }

  /** Number of syncs held now. */
  public int heldCount() {
    int n = 0;
    for (NavigableSet<Parked> mine : byAccount.values()) {
      synchronized (mine) {
        n += mine.size();
      }
    }
    return n;
  }

  private static void signalAll(Collection<Parked> parked, Signal signal) {
    for (Parked p : parked) p.signal.complete(signal);
  }
}
