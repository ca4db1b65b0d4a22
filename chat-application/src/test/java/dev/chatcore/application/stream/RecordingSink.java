package dev.chatcore.application.stream;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.sync.SyncBatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * A stream sink for tests: records every batch, heartbeat and the end. A draining sink reports each
 * batch written at once (a client that keeps up); a stalled one never does (a client that stopped
 * reading), so the stream's backlog grows.
 */
public final class RecordingSink implements StreamSink {
  /** Bytes a batch "takes" on the wire, per event: the backlog's byte bound sees them. */
  static final long BYTES_PER_EVENT = 100;

  private final boolean draining;
  private final List<SyncBatch> batches = new ArrayList<>();
  private final AtomicInteger heartbeats = new AtomicInteger();
  private final CompletableFuture<StreamEnd> end = new CompletableFuture<>();
  private volatile boolean delivering;
  private volatile boolean overlapped;

  private RecordingSink(boolean draining) {
    this.draining = draining;
  }

  public static RecordingSink draining() {
    return new RecordingSink(true);
  }

  public static RecordingSink stalled() {
    return new RecordingSink(false);
  }

  @Override
  public long deliver(SyncBatch batch, Written written) {
    if (delivering || end.isDone()) overlapped = true;
    delivering = true;
    synchronized (this) {
      batches.add(batch);
    }
    long bytes = batch.events().size() * BYTES_PER_EVENT;
    if (draining) written.written(batch.events().size(), bytes);
    delivering = false;
    return bytes;
  }

  @Override
  public void heartbeat() {
    heartbeats.incrementAndGet();
  }

  @Override
  public void end(StreamEnd end) {
    if (delivering || !this.end.complete(end)) overlapped = true;
  }

  /** Every event delivered so far, in order. */
  public synchronized List<Event> events() {
    List<Event> out = new ArrayList<>();
    for (SyncBatch b : batches) out.addAll(b.events());
    return out;
  }

  public List<EventId> ids() {
    return events().stream().map(Event::id).toList();
  }

  public synchronized List<SyncBatch> batches() {
    return List.copyOf(batches);
  }

  /** The cursor after the last batch, or {@code fallback} before any. */
  public synchronized EventId nextBatch(EventId fallback) {
    return batches.isEmpty() ? fallback : batches.getLast().nextBatch();
  }

  public int heartbeats() {
    return heartbeats.get();
  }

  public boolean ended() {
    return end.isDone();
  }

  /**
   * True when the sink saw two calls at once, or a call after the end: the stream broke its
   * promise.
   */
  public boolean overlapped() {
    return overlapped;
  }

  /** The end, waiting at most {@code wait}. */
  public StreamEnd awaitEnd(Duration wait) throws Exception {
    return end.get(wait.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until {@code n} events arrived (at most {@code wait}); false on timeout. */
  public boolean awaitEvents(int n, Duration wait) throws InterruptedException {
    return await(() -> events().size() >= n, wait);
  }

  public static boolean await(BooleanSupplier condition, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(2);
    }
    return true;
  }
}
