package dev.chatcore.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The accounting of one fan-out round: messages with sequence numbers {@code [base, base + count)}
 * sent at {@code rate}. Latency runs from a message's scheduled send time (carried in its marker)
 * to the moment a receiver has read the sync response holding it; a second histogram measures from
 * the moment the sender got the POST's answer.
 */
final class FanoutRound {
  final double rate;
  final long base;
  final int count;
  final Histogram latency = new Histogram();
  final Histogram fromAck = new Histogram();
  final LongAdder delivered = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder beforeAck = new LongAdder();
  final LongAdder pollsWithMessages = new LongAdder();
  final AtomicLong lastDelivery = new AtomicLong();
  final AtomicLongArray ackNanos;
  final AtomicReferenceArray<String> eventIds;

  FanoutRound(double rate, long base, int count) {
    this.rate = rate;
    this.base = base;
    this.count = count;
    this.ackNanos = new AtomicLongArray(count);
    this.eventIds = new AtomicReferenceArray<>(count);
  }

  boolean holds(long seq) {
    return seq >= base && seq < base + count;
  }

  void acked(long seq, long nanos, String eventId) {
    ackNanos.set((int) (seq - base), nanos);
    eventIds.set((int) (seq - base), eventId);
  }

  /** A receiver read message {@code seq} (scheduled at {@code dueNanos}) at {@code now}. */
  void deliver(long seq, long dueNanos, long now, boolean duplicate) {
    if (duplicate) {
      duplicates.increment();
      return;
    }
    delivered.increment();
    latency.recordNanos(now - dueNanos);
    long ack = ackNanos.get((int) (seq - base));
    if (ack == 0 || ack > now) {
      beforeAck.increment();
      fromAck.recordNanos(0);
    } else {
      fromAck.recordNanos(now - ack);
    }
    lastDelivery.accumulateAndGet(now, Math::max);
  }
}
