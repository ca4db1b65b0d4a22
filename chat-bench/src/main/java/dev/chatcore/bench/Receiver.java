package dev.chatcore.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/**
 * One simulated receiver of a run, whatever its transport (a long-poller, an SSE stream, a
 * WebSocket stream): its account, the markers it has seen (so that a second sighting counts as a
 * duplicate), the cursors it moved through (to locate lost events afterwards), and its life:
 * running, paused (a slow consumer that stopped reading), stopped, dead (refused by the server).
 */
abstract class Receiver implements Runnable {
  /** Told about every response (sync) or batch (stream), on the receiver's thread. */
  interface Listener {
    void onResponse(Receiver receiver, String body, long nowNanos);
  }

  /**
   * What the receivers of one run share: the server, the room they follow, where their responses
   * go, the throttle on concurrent connects, the latch each counts down once it started, the error
   * counts.
   */
  record Run(
      Target target,
      String roomId,
      Listener listener,
      Semaphore connectPermits,
      CountDownLatch started,
      ReceiverErrors errors) {}

  final BenchUser user;
  final Target target;
  final String roomId;
  final Listener listener;
  final Semaphore connectPermits;
  final CountDownLatch started;
  final ReceiverErrors errors;
  final BitSet seen = new BitSet();

  /** The start cursor and every new cursor (next_batch, last event id), in order (capped). */
  final List<String> trail = new ArrayList<>();

  /** When the request now in flight was sent (System.nanoTime), 0 when none is (long-poll only). */
  volatile long inFlightSince;

  volatile boolean stop;
  volatile boolean dead;
  volatile boolean paused;

  /**
   * Times a stream was opened again after the server ended it (lifetime, backpressure, restart).
   */
  volatile long reopened;

  Receiver(Run run, BenchUser user, String cursor) {
    this.user = user;
    this.target = run.target();
    this.roomId = run.roomId();
    this.listener = run.listener();
    this.connectPermits = run.connectPermits();
    this.started = run.started();
    this.errors = run.errors();
    this.trail.add(cursor);
  }

  boolean dead() {
    return dead;
  }

  /** Stops reading from now on (it stays connected): a slow consumer. */
  void pause() {
    paused = true;
  }

  /** Ends the receiver and unblocks a pending read. */
  abstract void stop();

  /** Records a new cursor for the loss report. */
  void moved(String cursor) {
    if (trail.size() < 1_000_000 && !cursor.equals(trail.getLast())) trail.add(cursor);
  }
}
