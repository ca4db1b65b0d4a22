package dev.chatcore.application.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What a stream delivered that its client has not taken yet, in events and encoded bytes, against
 * the bounds of {@code StreamLimits}. Thread-safe: the stream adds, the transport subtracts.
 */
final class Backlog {
  private final int maxEvents;
  private final long maxBytes;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong bytes = new AtomicLong();

  Backlog(int maxEvents, long maxBytes) {
    this.maxEvents = maxEvents;
    this.maxBytes = maxBytes;
  }

  /** Counts a delivery; true when the backlog now passes a bound. */
  boolean queued(int events, long bytes) {
    long e = this.events.addAndGet(events);
    long b = this.bytes.addAndGet(bytes);
    return e > maxEvents || b > maxBytes;
  }

  /** The client took what a delivery queued. */
  void drained(int events, long bytes) {
    this.events.addAndGet(-events);
    this.bytes.addAndGet(-bytes);
  }

  long events() {
    return events.get();
  }

  long bytes() {
    return bytes.get();
  }
}
