package dev.chatcore.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The N receivers of a run (of one transport), the rounds they account into, and their shared error
 * counters.
 */
final class FanoutReceivers implements Receiver.Listener {
  final ReceiverErrors errors = new ReceiverErrors();
  final List<Receiver> receivers = new ArrayList<>();
  final List<Thread> threads = new ArrayList<>();
  final Transport transport;
  volatile FanoutRound[] rounds = new FanoutRound[0];
  long nextSeq;
  double setupSeconds;

  private FanoutReceivers(Transport transport) {
    this.transport = transport;
  }

  static FanoutReceivers start(
      Transport transport,
      Target t,
      List<BenchUser> users,
      String roomId,
      String cursor,
      int waitMs,
      Context ctx)
      throws InterruptedException {
    FanoutReceivers rx = new FanoutReceivers(transport);
    long t0 = System.nanoTime();
    CountDownLatch started = new CountDownLatch(users.size());
    Semaphore connects = new Semaphore(128);
    Receiver.Run run = new Receiver.Run(t, roomId, rx, connects, started, rx.errors);
    for (BenchUser u : users) {
      Receiver p = transport.receiver(run, u, cursor, waitMs, Long.MAX_VALUE);
      rx.receivers.add(p);
      rx.threads.add(Thread.ofVirtual().name("rx-" + u.name()).start(p));
    }
    long waitNs = Math.min(120_000_000_000L, ctx.deadlineNanos - System.nanoTime());
    if (!started.await(Math.max(waitNs, 0), TimeUnit.NANOSECONDS)) {
      rx.stop();
      throw new BenchFailure(
          "receivers did not all start within " + waitNs / 1_000_000_000L + " s");
    }
    LockSupport.parkNanos(
        1_500_000_000L); // let the first syncs (or resumes) reach the server and park there
    rx.checkHealthy();
    rx.setupSeconds = (System.nanoTime() - t0) / 1e9;
    return rx;
  }

  FanoutRound newRound(double rate, int count) {
    FanoutRound round = new FanoutRound(rate, nextSeq, count);
    nextSeq += count;
    FanoutRound[] grown = Arrays.copyOf(rounds, rounds.length + 1);
    grown[rounds.length] = round;
    rounds = grown;
    return round;
  }

  /**
   * Makes the first {@code n} receivers stop reading: slow consumers, left out of every count from
   * now on.
   */
  void pause(int n) {
    for (int i = 0; i < Math.min(n, receivers.size()); i++) receivers.get(i).pause();
  }

  @Override
  public void onResponse(Receiver poller, String body, long now) {
    if (poller.paused) return; // a slow consumer's last deliveries are not measured
    FanoutRound[] rs = rounds;
    FanoutRound[] touched = new FanoutRound[1];
    Wire.scan(
        body,
        (seq, due) -> {
          FanoutRound round = find(rs, seq);
          if (round == null) return;
          boolean dup = poller.seen.get((int) seq);
          if (!dup) poller.seen.set((int) seq);
          round.deliver(seq, due, now, dup);
          if (touched[0] != round) {
            touched[0] = round;
            round.pollsWithMessages.increment();
          }
        });
  }

  private static FanoutRound find(FanoutRound[] rs, long seq) {
    for (int i = rs.length - 1; i >= 0; i--) if (rs[i].holds(seq)) return rs[i];
    return null;
  }

  /** Receivers that are measured: not refused by the server, not paused. */
  int live() {
    int n = 0;
    for (Receiver p : receivers) if (!p.dead() && !p.paused) n++;
    return n;
  }

  int dead() {
    int n = 0;
    for (Receiver p : receivers) if (p.dead()) n++;
    return n;
  }

  /** Streams the server ended and the receivers opened again (lifetime, backpressure). */
  long reopened() {
    long n = 0;
    for (Receiver p : receivers) n += p.reopened;
    return n;
  }

  /** Fails the run when the server refused the syncs (missing endpoint, bad auth, bad cursor). */
  void checkHealthy() {
    if (errors.first != null && dead() > 0) {
      throw new BenchFailure(
          dead()
              + " of "
              + receivers.size()
              + " receivers stopped; first error: "
              + errors.first
              + (errors.firstStatus == 404 ? " (" + transport.label() + " not implemented?)" : ""));
    }
  }

  void stop() throws InterruptedException {
    for (Receiver p : receivers) p.stop();
    for (Thread th : threads) th.join(5000);
  }
}
