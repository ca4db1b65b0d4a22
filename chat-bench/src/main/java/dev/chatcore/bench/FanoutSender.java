package dev.chatcore.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Posts marked messages at a fixed rate, rotating over enough sender accounts to stay under the
 * rate limit.
 */
final class FanoutSender {
  /**
   * Numbers every warm-up message of this bench run (all transports and rounds): warm-up rounds
   * repeat until the JIT settles, and the same text sent again within a minute is spam (the server
   * bans the sender for it).
   */
  private static final AtomicLong WARMUPS = new AtomicLong();

  final Target target;
  final List<BenchUser> accounts;
  final String path;
  final int connections;

  FanoutSender(Target target, Tokens tokens, int accounts, String roomId, int connections) {
    this.target = target;
    this.accounts = tokens.users("tx", Math.max(1, accounts));
    this.path = "/v1/rooms/" + roomId + "/messages";
    this.connections = connections;
  }

  /** Sends {@code count} messages; {@code round} null means warm-up messages (no marker). */
  LoadStats send(FanoutRound round, double rate, int count, long deadline)
      throws InterruptedException {
    return RequestLoop.fixedRate(
        target,
        rate,
        count / rate,
        connections,
        (c, i, due) -> {
          long seq = round == null ? i : round.base + i;
          String text = round == null ? "WARM#" + WARMUPS.incrementAndGet() : Wire.marker(seq, due);
          BenchUser u = accounts.get((int) (i % accounts.size()));
          HttpResponse resp = c.send("POST", path, u.token(), Wire.message(text), 30_000);
          if (round != null && resp.ok())
            round.acked(seq, System.nanoTime(), Wire.stringField(resp.body(), "event_id"));
          return resp;
        },
        deadline);
  }
}
