package dev.chatcore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class WarmupTest {
  private static Warmup.Round sleeping(List<Double> lengths) {
    return seconds -> {
      lengths.add(seconds);
      LockSupport.parkNanos((long) (seconds * 1e9));
    };
  }

  @Test
  void aFixedWarmupIsOneRoundOfTheMinimum() throws Exception {
    Options o = Options.parse(List.of("--warmup-seconds", "0.2", "--warmup-jit-quiet-pct", "0"));
    List<Double> lengths = new ArrayList<>();
    Warmup.Report report = new Warmup(o, 3).run(ProcessHandle.current().pid(), sleeping(lengths));
    assertEquals(1, lengths.size());
    assertEquals(0.2, lengths.get(0), 0.01);
    assertEquals(1, report.rounds());
    assertFalse(report.jitQuiet());
  }

  @Test
  void withoutAServerPidTheWarmupIsFixed() throws Exception {
    Options o = Options.parse(List.of("--warmup-seconds", "0.2"));
    List<Double> lengths = new ArrayList<>();
    Warmup.Report report = new Warmup(o, 3).run(-1, sleeping(lengths));
    assertEquals(1, report.rounds());
    assertEquals(0.2, lengths.get(0), 0.01);
  }

  @Test
  void anAdaptiveWarmupRunsRoundsUntilTheCompilerIsQuiet() throws Exception {
    Options o =
        Options.parse(
            List.of(
                "--warmup-seconds",
                "0.2",
                "--warmup-round-seconds",
                "0.1",
                "--warmup-jit-quiet-pct",
                "2",
                "--warmup-max-seconds",
                "10"));
    List<Double> lengths = new ArrayList<>();
    AtomicLong jit = new AtomicLong();
    // The "compiler" burns half a core during the first three rounds, then nothing.
    Warmup.Report report =
        new Warmup(o, 3)
            .run(
                jit::get,
                seconds -> {
                  lengths.add(seconds);
                  if (lengths.size() <= 3) jit.addAndGet((long) (seconds * 0.5e9));
                  LockSupport.parkNanos((long) (seconds * 1e9));
                });
    assertEquals(4, report.rounds(), lengths.toString());
    assertEquals(0.2, lengths.get(0), 0.01); // the first round covers the minimum
    assertEquals(0.1, lengths.get(1), 0.01);
    assertTrue(report.jitQuiet());
    assertTrue(report.lastRoundJitPct() < 2);
  }

  @Test
  void anAdaptiveWarmupNeverPassesItsMaximum() throws Exception {
    Options o =
        Options.parse(
            List.of(
                "--warmup-seconds",
                "0.1",
                "--warmup-round-seconds",
                "0.1",
                "--warmup-jit-quiet-pct",
                "2",
                "--warmup-max-seconds",
                "0.35"));
    List<Double> lengths = new ArrayList<>();
    AtomicLong jit = new AtomicLong();
    Warmup.Report report =
        new Warmup(o, 3)
            .run(
                jit::get,
                seconds -> {
                  lengths.add(seconds);
                  jit.addAndGet((long) (seconds * 0.5e9)); // never settles
                  LockSupport.parkNanos((long) (seconds * 1e9));
                });
    double total = lengths.stream().mapToDouble(Double::doubleValue).sum();
    assertTrue(total <= 0.36, "ran " + total + " s");
    assertTrue(report.seconds() >= 0.3, report.toString());
    assertFalse(report.jitQuiet());
  }
}
