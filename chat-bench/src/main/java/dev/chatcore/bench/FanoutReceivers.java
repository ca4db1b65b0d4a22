package dev.chatcore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The N pollers of a run, the rounds they account into, and their shared error counters. */
final class FanoutReceivers implements SyncPoller.Listener {
  final SyncPoller.PollerErrors errors = new SyncPoller.PollerErrors();
  final List<SyncPoller> pollers = new ArrayList<>();
  final List<Thread> threads = new ArrayList<>();
  volatile FanoutRound[] rounds = new FanoutRound[0];
  long nextSeq;
  double setupSeconds;

  static FanoutReceivers start(Target t, List<BenchUser> users, String roomId, String cursor, int waitMs, Context ctx)
      throws InterruptedException {
    FanoutReceivers rx = new FanoutReceivers();
    long t0 = System.nanoTime();
    CountDownLatch started = new CountDownLatch(users.size());
    Semaphore connects = new Semaphore(128);
    for (BenchUser u : users) {
      SyncPoller p = new SyncPoller(t, u, roomId, cursor, waitMs, Long.MAX_VALUE, rx, connects, started, rx.errors);
      rx.pollers.add(p);
      rx.threads.add(Thread.ofVirtual().name("rx-" + u.name()).start(p));
    }
    long waitNs = Math.min(120_000_000_000L, ctx.deadlineNanos - System.nanoTime());
    if (!started.await(Math.max(waitNs, 0), TimeUnit.NANOSECONDS)) {
      rx.stop();
      throw new BenchFailure("receivers did not all start polling within " + waitNs / 1_000_000_000L + " s");
    }
    LockSupport.parkNanos(1_500_000_000L); // let the first syncs reach the server and park there
    rx.checkHealthy();
    rx.setupSeconds = (System.nanoTime() - t0) / 1e9;
    return rx;
  }

  FanoutRound newRound(double rate, int count) {
    FanoutRound round = new FanoutRound(rate, nextSeq, count);
    nextSeq += count;
    FanoutRound[] grown = java.util.Arrays.copyOf(rounds, rounds.length + 1);
    grown[rounds.length] = round;
    rounds = grown;
    return round;
  }

  @Override
  public void onResponse(SyncPoller poller, String body, long now) {
    FanoutRound[] rs = rounds;
    FanoutRound[] touched = new FanoutRound[1];
    Wire.scan(body, (seq, due) -> {
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

  int live() {
    int n = 0;
    for (SyncPoller p : pollers) if (!p.dead()) n++;
    return n;
  }

  /** Fails the run when the server refused the syncs (missing endpoint, bad auth, bad cursor). */
  void checkHealthy() {
    if (errors.first != null && live() < pollers.size()) {
      throw new BenchFailure((pollers.size() - live()) + " of " + pollers.size() + " receivers stopped; first error: "
          + errors.first + (errors.firstStatus == 404 ? " (GET /v1/sync not implemented?)" : ""));
    }
  }

  void stop() throws InterruptedException {
    for (SyncPoller p : pollers) p.stop();
    for (Thread th : threads) th.join(5000);
  }
}
