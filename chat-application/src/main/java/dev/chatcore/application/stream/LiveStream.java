package dev.chatcore.application.stream;

import dev.chatcore.application.sync.SyncWaiter;
import dev.chatcore.application.sync.VisibleRead;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.sync.SyncBatch;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One open live stream: a cursor that follows the event stream for one account, delivering to a
 * {@link StreamSink} exactly what consecutive syncs following {@code next_batch} would deliver.
 *
 * <p><b>Same answers as sync.</b> Every read is {@link VisibleRead#after} from the cursor and every
 * batch is {@link VisibleRead#answer} (the ban read from the store, a device's share of the
 * window), exactly the steps of a sync; the cursor then moves to the read's {@code upTo}, as a
 * client moves to {@code next_batch}. Nothing is skipped (the cursor never passes the head the read
 * judged) nor repeated (the next read starts after it); each event's visibility is a function of
 * its stream position, so reading it in one read or another cannot change whether it is delivered.
 * A device's to-device messages are acknowledged where the client resumes from ({@link
 * VisibleRead#arrive} at open), as a sync's are by its {@code since}: what the stream sends stays
 * stored until the device's next stream or sync starts past it.
 *
 * <p><b>No thread while waiting.</b> Like a held sync, a caught-up stream is a registration in the
 * {@link SyncWaiter} made <em>before</em> its last read, on exactly the rooms that read covered: a
 * change after the registration signals it, a change before it is in the read. The registration is
 * a standing {@link SyncWaiter.Watch}: it stays, and every signal pumps the stream once more on the
 * core's executor, so it is renewed only when the rooms read change (a join, a leave), not per
 * delivery. The pump is serial (one read at a time per stream); wake-ups that arrive while it reads
 * collapse into one more read, which is how a busy stream batches.
 *
 * <p>Thread-safe: {@link #end} and {@link #close} may be called from any thread.
 */
public final class LiveStream {
  private static final Logger LOG = Logger.getLogger(LiveStream.class.getName());

  private final VisibleRead.Reader reader;

  /** An embedder's subscription: no lifetime, keep-alives or per-account cap. */
  private final boolean embedded;

  private final StreamSink sink;
  private final OpenStream.Wiring wiring;
  private final Backlog backlog;

  /** Given with every batch: the sink reports through it what reached the client. */
  private final StreamSink.Written written;

  private final long expiresAtNanos;

  /** When something last went to the sink (a batch or a heartbeat), System.nanoTime(). */
  private volatile long lastSentNanos;

  private final AtomicInteger work = new AtomicInteger();
  private final AtomicReference<StreamEnd> ending = new AtomicReference<>();

  /** A {@link SyncWaiter.Signal#REVOKED} came: the next pump asks the ban gate first. */
  private volatile boolean revoked;

  // Touched by the pump only (one pump at a time: the work counter orders them).
  private EventId cursor;
  private Set<RoomId> rooms;
  private SyncWaiter.Watch watch;
  private boolean ended;

  /**
   * Whether a batch went to the sink yet: a device's stream answers its first read, as a sync
   * would.
   */
  private boolean answered;

  LiveStream(
      VisibleRead.Reader reader,
      OpenStream.Command command,
      StreamSink sink,
      OpenStream.Wiring wiring,
      long nowNanos) {
    this.reader = reader;
    this.cursor = command.since();
    this.embedded = command.embedded();
    this.sink = sink;
    this.wiring = wiring;
    this.backlog = new Backlog(wiring.limits().queuedEventsMax(), wiring.limits().queuedBytesMax());
    this.written = backlog::drained;
    this.expiresAtNanos = nowNanos + wiring.limits().lifetime().toNanos();
    this.lastSentNanos = nowNanos;
  }

  /** The account the stream reads for. */
  public AccountId account() {
    return reader.account().id();
  }

  /**
   * Ends the stream; the sink hears of it once, after any batch in progress. Idempotent: the first
   * reason wins.
   */
  public void end(StreamEnd end) {
    if (ending.compareAndSet(null, end)) pump();
  }

  /** The client went away, or the host is done with the stream. */
  public void close() {
    end(StreamEnd.of(StreamEnd.Reason.CLOSED));
  }

  /** True once an end was asked for (the sink may not have heard of it yet). */
  public boolean isEnding() {
    return ending.get() != null;
  }

  /** What is delivered but not yet written, in events. */
  public long queuedEvents() {
    return backlog.events();
  }

  void start() {
    pump();
  }

  /** False for an embedder's subscription, which the per-account cap does not count. */
  boolean capped() {
    return !embedded;
  }

  /** The registry's clock tick: the lifetime, then the keep-alive. */
  void tick(long nowNanos, long heartbeatNanos) {
    if (embedded) return;
    if (nowNanos - expiresAtNanos >= 0) {
      end(StreamEnd.of(StreamEnd.Reason.LIFETIME));
    } else if (nowNanos - lastSentNanos >= heartbeatNanos && ending.get() == null) {
      lastSentNanos = nowNanos;
      sink.heartbeat();
    }
  }

  /** Runs {@link #step} on the executor unless a run is under way, which then runs it once more. */
  private void pump() {
    if (work.getAndIncrement() == 0) wiring.executor().execute(this::drain);
  }

  private void drain() {
    int missed = 1;
    do {
      if (!ended) step();
      missed = work.addAndGet(-missed);
    } while (missed != 0);
  }

  private void step() {
    StreamEnd end;
    try {
      end = readUntilCaughtUp();
    } catch (RuntimeException e) {
      end = StreamEnd.failed(e);
    }
    if (end != null) finish(end);
  }

  /**
   * Reads and delivers until caught up, then returns with a registration on exactly the rooms of
   * its last read, made before that read (see the class comment).
   *
   * @return why the stream ends, or null when it waits for a signal
   */
  private StreamEnd readUntilCaughtUp() {
    VisibleRead reads = wiring.reads();
    while (true) {
      StreamEnd end = ending.get();
      if (end != null) return end;
      if (revoked) {
        revoked = false;
        reads.requireNotRevoked(reader); // as a held sync does; a lifted ban reads on
      }
      SyncWaiter.Watch live = watch;
      if (rooms != null && (live == null || !live.watches(rooms))) {
        boolean first = live == null;
        live = register(rooms);
        // a ban issued between the open and this first registration signalled nobody: ask now,
        // when any later ban signals the watch
        if (first) reads.requireNotRevoked(reader);
      }
      VisibleRead.Read read = reads.after(reader, cursor);
      rooms = read.rooms();
      if (due(read) && !deliver(reads.answer(reader, read))) return ending.get();
      cursor = read.upTo();
      // more waiting, or no registration covering what this read covered: read again
      if (read.limited() || live == null || !live.watches(rooms)) continue;
      return null; // any change after `live` was registered (before this read) pumps again
    }
  }

  /**
   * Whether the read makes a batch: events or device news, as for a sync answer; a read that only
   * passed positions nobody here may see moves the cursor silently. A device's first read is
   * answered even when empty, as its first sync would be: the batch tells it its key counts.
   */
  private boolean due(VisibleRead.Read read) {
    if (!read.events().isEmpty() || read.device().map(w -> w.hasDeviceNews()).orElse(false))
      return true;
    return !answered && read.device().isPresent();
  }

  /**
   * Hands the batch to the sink; false when the stream must end (its client fell too far behind).
   */
  private boolean deliver(SyncBatch batch) {
    answered = true;
    long bytes = sink.deliver(batch, written);
    lastSentNanos = System.nanoTime();
    if (!batch.events().isEmpty()) wiring.observer().delivered(batch.events().size());
    if (!backlog.queued(batch.events().size(), bytes)) return true;
    ending.compareAndSet(null, StreamEnd.of(StreamEnd.Reason.SLOW_CONSUMER));
    return false;
  }

  private SyncWaiter.Watch register(Set<RoomId> on) {
    SyncWaiter.Watch previous = watch;
    SyncWaiter.Watch fresh = wiring.waiter().watch(reader.account().id(), on, this::onSignal);
    watch = fresh;
    if (previous != null) wiring.waiter().release(previous);
    return fresh;
  }

  private void onSignal(SyncWaiter.Signal signal) {
    switch (signal) {
      case CHANGED -> pump();
      case REVOKED -> { // the next pump asks the ban gate (the ban may have been lifted already)
        revoked = true;
        pump();
      }
      case SHUTDOWN -> end(StreamEnd.of(StreamEnd.Reason.SHUTDOWN));
      case EVICTED ->
          end(
              StreamEnd.of(
                  StreamEnd.Reason.REPLACED)); // watches are never evicted; for completeness
    }
  }

  private void finish(StreamEnd end) {
    ended = true;
    SyncWaiter.Watch w = watch;
    watch = null;
    if (w != null) wiring.waiter().release(w);
    wiring.registry().remove(this);
    try {
      sink.end(end);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a stream sink failed to end", e); // the stream is over either way
    }
  }
}
