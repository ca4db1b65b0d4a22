package dev.chatcore.bench;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Explains lost deliveries: for each (receiver, message) that never arrived, finds the sync
 * response (or stream batch) whose cursor move covered the message's event id (event ids are
 * totally ordered, SPEC §2) without delivering it, i.e. where the server's stream skipped it.
 */
final class LossReport {
  private LossReport() {}

  static void report(List<Receiver> pollers, FanoutRound round, Result r, String prefix) {
    long lostPairs = 0;
    int receivers = 0;
    BitSet messages = new BitSet();
    List<String> examples = new ArrayList<>();
    for (Receiver p : pollers) {
      if (p.paused || p.dead()) continue;
      boolean any = false;
      for (int i = 0; i < round.count; i++) {
        long seq = round.base + i;
        if (p.seen.get((int) seq) || round.ackNanos.get(i) == 0) continue;
        lostPairs++;
        any = true;
        messages.set(i);
        if (examples.size() < 5) examples.add(describe(p, seq, round.eventIds.get(i)));
      }
      if (any) receivers++;
    }
    r.put(prefix + "lost_pairs_acked", lostPairs);
    r.put(prefix + "lost_receivers", receivers);
    r.put(prefix + "lost_messages", messages.cardinality());
    r.put(prefix + "lost_examples", String.join("; ", examples));
    r.line(
        "  LOST: %d deliveries of %d messages to %d receivers; e.g. %s",
        lostPairs, messages.cardinality(), receivers, examples.isEmpty() ? "-" : examples.get(0));
  }

  private static String describe(Receiver p, long seq, String eventId) {
    if (eventId == null) return p.user.name() + " missed BENCH#" + seq + " (event id unknown)";
    List<String> trail = p.trail;
    int at = Collections.binarySearch(trail, eventId);
    int next = at >= 0 ? at : -at - 1;
    if (next == 0)
      return p.user.name()
          + " missed "
          + eventId
          + " (before its start cursor "
          + trail.get(0)
          + ")";
    if (next >= trail.size()) {
      long since = p.inFlightSince;
      String held =
          since == 0
              ? "no request in flight"
              : String.format(
                  Locale.ROOT,
                  "its sync since=%s has been unanswered for %.1f s",
                  trail.getLast(),
                  (System.nanoTime() - since) / 1e9);
      return p.user.name()
          + " missed BENCH#"
          + seq
          + " = "
          + eventId
          + ": its cursor never reached it ("
          + held
          + ")";
    }
    return p.user.name()
        + " missed BENCH#"
        + seq
        + " = "
        + eventId
        + ": its cursor moved from "
        + trail.get(next - 1)
        + " to "
        + trail.get(next)
        + " without it";
  }
}
