package dev.chatcore.bench;

import dev.chatcore.application.filter.WordList;
import dev.chatcore.bench.jmh.FilterBenchmark;
import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * In-process: what the word-list content filter costs per 200-character message against a {@code
 * --words} list (JMH, one fork), and how long compiling that list takes (a reload).
 */
final class FilterScenario implements Scenario {
  private final int words;
  private final int infixPercent;
  private final int iterations;

  FilterScenario(Options options) {
    this.words = (int) options.number("words", 5000, 1, WordList.ENTRIES_MAX);
    this.infixPercent = (int) options.number("infix-pct", 1, 0, 50);
    this.iterations = (int) options.number("iterations", 5, 1, 50);
  }

  @Override
  public void run(Context ctx, Result r) throws Exception {
    r.put("words", words);
    r.put("infix_pct", infixPercent);
    r.put("message_chars", FilterBenchmark.LENGTH);
    Collection<RunResult> results =
        new Runner(
                new OptionsBuilder()
                    .include(FilterBenchmark.class.getName())
                    .param("words", Integer.toString(words))
                    .param("infixPercent", Integer.toString(infixPercent))
                    .forks(1)
                    .warmupIterations(3)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(iterations)
                    .measurementTime(TimeValue.seconds(1))
                    .build())
            .run();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String method = name.substring(name.lastIndexOf('.') + 1);
      double ns = result.getPrimaryResult().getScore();
      r.put(
          "ns_per_op_" + method.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT),
          Math.round(ns * 10) / 10.0);
      System.out.printf(
          "  %-16s %8.1f ns/message (± %.1f)%n",
          method, ns, result.getPrimaryResult().getScoreError());
    }
    double compileMs = FilterBenchmark.compileMillis(words);
    r.put("compile_ms", compileMs);
    System.out.printf("  compiling the %d-term list: %.1f ms%n", words, compileMs);
  }
}
