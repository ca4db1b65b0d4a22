package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.error.UnavailableException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Read-your-writes across nodes. The {@linkplain StableHead stable head} this node has cached may
 * predate writes other nodes acknowledged since; a read bounded by it would miss them. So a read is
 * bounded by {@link #read()}: the head as computed by a refresh that <em>began after the read
 * did</em>. Every append answers only once the head covers its event ({@link #awaitCovering}), so
 * such a refresh sees every position up to it filled, and the read includes every event whose
 * append was acknowledged, on any node, before the read began.
 *
 * <p>Concurrent reads share refreshes, so a burst of reads costs two queries, not one each: one
 * refresh runs at a time, and every read that arrives while it runs waits for the next one (the
 * running one may have queried before that read began, so it would not do). A refresh with nothing
 * new is one indexed query ({@link StableHead#refresh}).
 *
 * <p>Waits on a {@link ReentrantLock}, not a monitor, so a waiting virtual thread does not pin its
 * carrier. Thread-safe.
 */
final class FreshHead {
  private static final long FIRST_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(16);

  private final LongSupplier refresh;
  private final LongSupplier current;
  private final long graceNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition ended = lock.newCondition();
  private long started; // refreshes begun, numbered from 1
  private long lastEnded; // the number of the last refresh that ended
  private long lastSucceeded;
  private RuntimeException lastFailure;
  private boolean running;

  /**
   * @param refresh {@link StableHead#refresh}: reads the store, returns the head
   * @param current {@link StableHead#current}: the head last computed, without a query
   * @param gapGrace the grace after which refreshes settle an abandoned position
   */
  FreshHead(LongSupplier refresh, LongSupplier current, Duration gapGrace) {
    this.refresh = refresh;
    this.current = current;
    this.graceNanos = gapGrace.toNanos();
  }

  /**
   * The stable head as of a refresh that began after this call: at or above the position of every
   * event whose append was acknowledged, on any node, before the call.
   *
   * @throws UnavailableException when that refresh failed
   */
  long read() {
    long needed;
    lock.lock();
    try {
      needed = started + 1;
      while (running && lastEnded < needed)
        ended.awaitUninterruptibly(); // bounded by the driver's timeouts
      if (lastSucceeded >= needed) return current.getAsLong();
      if (lastEnded >= needed) throw lastFailure;
      running = true;
      needed = ++started;
    } finally {
      lock.unlock();
    }
    return run(needed);
  }

  private long run(long number) {
    RuntimeException failure = null;
    try {
      return refresh.getAsLong();
    } catch (RuntimeException e) {
      failure = e;
      throw e;
    } finally {
      lock.lock();
      try {
        running = false;
        lastEnded = number;
        if (failure == null) lastSucceeded = number;
        lastFailure = failure;
        ended.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }

  /**
   * Returns once the head covers {@code position}: from then on a {@link #read()} on any node
   * includes it. Positions below it that other writers are still inserting take milliseconds; an
   * abandoned one is settled by the first refresh after the gap grace, so this waits about the
   * grace at most.
   *
   * @throws UnavailableException when a refresh begun after the grace still falls short (the store
   *     is failing, or a document below is not yet visible to majority reads), or when the thread
   *     is interrupted
   */
  void awaitCovering(long position) {
    if (current.getAsLong() >= position) return; // a retry of an old transaction, say
    long pause = FIRST_PAUSE_NANOS;
    boolean gapsNoted = false;
    long graceOver = 0;
    while (true) {
      long began = System.nanoTime();
      if (read() >= position) return;
      if (!gapsNoted) { // that refresh noted every empty position below ours: their grace runs from
        // here
        gapsNoted = true;
        graceOver = System.nanoTime() + graceNanos;
      } else if (began - graceOver >= 0) {
        throw new UnavailableException(
            "storage is unavailable (make event " + position + " visible)", null);
      }
      try {
        TimeUnit.NANOSECONDS.sleep(pause); // a writer below is between its position and its insert
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException(
            "interrupted while event " + position + " became visible", e);
      }
      pause = Math.min(2 * pause, MAX_PAUSE_NANOS);
    }
  }
}
