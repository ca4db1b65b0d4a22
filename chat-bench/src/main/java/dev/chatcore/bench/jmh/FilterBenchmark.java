package dev.chatcore.bench.jmh;

import dev.chatcore.application.filter.WordList;
import dev.chatcore.domain.moderation.FilterVerdict;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What the word-list content filter adds to each player message: one check of a 200-character
 * message against a {@link #words}-term list (target: at most 5 µs). Messages rotate over {@link
 * #MESSAGES} texts so branch prediction cannot learn one. Three kinds of message: everyday game
 * chat; a pessimistic clean one whose words are made of the same syllables as the terms (so most
 * word starts begin a walk through the trie that real text leaves at its first or second letter);
 * and one that hides a listed term behind evasions.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FilterBenchmark {
  public static final int LENGTH = 200;
  static final int MESSAGES = 1024;

  @Param("5000")
  public int words;

  /**
   * Share of terms that match anywhere inside a word ({@code *term*}): each is tried at every
   * letter of a message, not only at word starts, so they cost the most. 1 % is a list that keeps
   * them for a few unambiguous stems, as docs/moderation.md advises; 3 % a heavy one.
   */
  @Param("1")
  public int infixPercent;

  private WordList list;
  private String[] chat;
  private String[] clean;
  private String[] evasive;
  private int next;

  @Setup(Level.Trial)
  public void setUp() {
    FilterCorpus corpus = new FilterCorpus(42);
    List<String> lines = corpus.wordList(words, infixPercent);
    list = WordList.parse(lines);
    chat = new String[MESSAGES];
    clean = new String[MESSAGES];
    evasive = new String[MESSAGES];
    for (int i = 0; i < MESSAGES; i++) {
      chat[i] = corpus.chat(LENGTH, list);
      clean[i] = corpus.message(LENGTH, list);
      String line = lines.get(i % lines.size());
      String term = line.substring(0, line.lastIndexOf(' ')).replace("*", "");
      evasive[i] = corpus.evasive(term, LENGTH, list);
    }
  }

  /**
   * Milliseconds to parse and compile a {@code words}-term list (best of five, after a warm-up).
   */
  public static double compileMillis(int words) {
    List<String> lines = new FilterCorpus(42).wordList(words, 1);
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      long start = System.nanoTime();
      WordList.parse(lines);
      if (i >= 5) best = Math.min(best, (System.nanoTime() - start) / 1e6);
    }
    return Math.round(best * 10) / 10.0;
  }

  private int nextIndex() {
    next = (next + 1) & (MESSAGES - 1);
    return next;
  }

  /** The common case: everyday chat with no listed term. */
  @Benchmark
  public FilterVerdict chatMessage() {
    return list.check(chat[nextIndex()]);
  }

  /** The worst clean case: no listed term, but words made of the terms' own syllables. */
  @Benchmark
  public FilterVerdict cleanMessage() {
    return list.check(clean[nextIndex()]);
  }

  /** A message hiding a listed term behind evasions (found, so masked, flagged or rejected). */
  @Benchmark
  public FilterVerdict evasiveMessage() {
    return list.check(evasive[nextIndex()]);
  }
}
