package dev.chatcore.application.embed;

import dev.chatcore.application.stream.LiveStream;
import dev.chatcore.application.stream.StreamEnd;
import dev.chatcore.application.stream.StreamSink;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.sync.SyncBatch;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A live stream seen as a {@link Flow.Subscription}: batches wait in a queue until the subscriber
 * requests them; the stream's backlog counts them, so a subscriber that stops requesting ends the
 * stream at the bound ({@link SlowSubscriberException}) instead of growing the queue. Signals go to
 * the subscriber one at a time (reactive-streams rules 1.3 and 3.x), from whichever thread drains:
 * the stream's, or the one calling {@link #request}.
 */
final class PublisherSink implements StreamSink, Flow.Subscription {
  private record Queued(SyncBatch batch, Written written) {}

  private final Flow.Subscriber<? super SyncBatch> subscriber;
  private final Queue<Queued> queue = new ConcurrentLinkedQueue<>();
  private final AtomicLong demand = new AtomicLong();
  private final AtomicInteger wip = new AtomicInteger();
  private volatile LiveStream stream;
  private volatile StreamEnd end;
  private volatile boolean cancelled;
  private volatile RuntimeException badRequest;

  /** The cursor after the last batch the subscriber got: where to resume. */
  private volatile EventId resumeFrom;

  private boolean done; // drain only

  PublisherSink(Flow.Subscriber<? super SyncBatch> subscriber, EventId since) {
    this.subscriber = subscriber;
    this.resumeFrom = since;
  }

  void attach(LiveStream stream) {
    this.stream = stream;
    if (cancelled) stream.close();
  }

  @Override
  public long deliver(SyncBatch batch, Written written) {
    queue.add(new Queued(batch, written));
    drain();
    return 0;
  }

  @Override
  public void heartbeat() {
    // in-process: nothing in between to keep alive
  }

  @Override
  public void end(StreamEnd end) {
    this.end = end;
    drain();
  }

  @Override
  public void request(long n) {
    if (n <= 0) {
      badRequest = new IllegalArgumentException("request(" + n + "): must be positive (rule 3.9)");
      cancelStream();
    } else {
      demand.getAndAccumulate(n, (have, more) -> have + more < 0 ? Long.MAX_VALUE : have + more);
    }
    drain();
  }

  @Override
  public void cancel() {
    cancelStream();
    queue.clear();
  }

  private void cancelStream() {
    cancelled = true;
    LiveStream s = stream;
    if (s != null) s.close();
  }

  private void drain() {
    if (wip.getAndIncrement() != 0) return;
    int missed = 1;
    do {
      if (!done) emit();
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void emit() {
    RuntimeException bad = badRequest;
    if (bad != null) {
      done = true;
      queue.clear();
      subscriber.onError(bad);
      return;
    }
    StreamEnd ending = end;
    if (cancelled) {
      if (ending != null) done = true; // cancelled: no more signals (rule 1.8)
      return;
    }
    if (ending != null && dropsQueue(ending)) {
      terminate(ending);
      return;
    }
    Queued next;
    while (demand.get() > 0 && (next = queue.poll()) != null) {
      demand.decrementAndGet();
      subscriber.onNext(next.batch());
      resumeFrom = next.batch().nextBatch();
      next.written().written(next.batch().events().size(), 0);
    }
    if (ending != null && queue.isEmpty()) terminate(ending);
  }

  /**
   * A slow subscriber, a refusal and a closing chat end at once; other ends deliver what waits
   * first.
   */
  private static boolean dropsQueue(StreamEnd end) {
    return switch (end.reason()) {
      case SLOW_CONSUMER, FAILED, SHUTDOWN -> true;
      case CLOSED, LIFETIME, REPLACED -> false;
    };
  }

  private void terminate(StreamEnd ending) {
    done = true;
    queue.clear();
    switch (ending.reason()) {
      case SLOW_CONSUMER -> subscriber.onError(new SlowSubscriberException(resumeFrom));
      case FAILED -> subscriber.onError(ending.failure().orElseThrow());
      case CLOSED, SHUTDOWN, LIFETIME, REPLACED -> subscriber.onComplete();
    }
  }
}
