package dev.chatcore.application.filter;

import dev.chatcore.domain.moderation.FilterVerdict;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled word list: which terms a text contains, and the verdict that follows. Immutable and
 * thread-safe; compile once, check concurrently.
 *
 * <p><b>What matches.</b> Both the terms and the text are folded the same way ({@link
 * TextFolding}): case, accents, fullwidth and other compatibility forms, and look-alike letters of
 * other scripts do not matter. A term then matches <em>whole words</em> of the text, also when the
 * text repeats letters ({@code fuuuck}; a term's own double letters need at least two, so {@code
 * ass} does not match {@code as}), puts separators between letters ({@code f.u.c.k}, {@code f u c
 * k}, {@code f_u_c_k}), writes letters in leetspeak ({@code a55}, {@code $h!t}, {@code f*ck}) or
 * adds zero-width characters. Whole words are the default against the Scunthorpe problem: {@code
 * ass} does not match {@code class}, {@code assassin} or {@code pass}. A term opts into more with
 * {@code *} ({@link WordListEntry}).
 *
 * <p><b>The verdict.</b> The strongest action among the terms found wins: reject (with the first
 * rejecting term's reason), then flag, then mask. Masked terms are replaced by one {@code *} per
 * character in the stored text, also in a flagged message.
 */
public final class WordList {
  /** Most terms in one list (about 20 MiB of trie for the largest lists). */
  public static final int ENTRIES_MAX = 200_000;

  private final List<WordListEntry> entries;

  /** Terms that start at a word start (whole words and prefixes). */
  private final TermTrie anchored;

  /**
   * Terms that may start inside a word ({@code *term}, {@code *term*}); walked from every letter.
   */
  private final TermTrie floating;

  private WordList(List<WordListEntry> entries) {
    this.entries = List.copyOf(entries);
    TrieBuilder anchoredTerms = new TrieBuilder();
    TrieBuilder floatingTerms = new TrieBuilder();
    for (int i = 0; i < this.entries.size(); i++) add(i, anchoredTerms, floatingTerms);
    this.anchored = anchoredTerms.build();
    this.floating = floatingTerms.build();
  }

  /** The empty list: allows everything. */
  public static WordList empty() {
    return new WordList(List.of());
  }

  /**
   * Compiles entries.
   *
   * @throws IllegalArgumentException for a term with no letter or digit, or a {@code *} inside one
   */
  public static WordList of(List<WordListEntry> entries) {
    if (entries.size() > ENTRIES_MAX)
      throw new IllegalArgumentException("more than " + ENTRIES_MAX + " terms");
    return new WordList(entries);
  }

  /**
   * Reads and compiles the lines of a word-list file ({@link WordListEntry#parse}).
   *
   * @throws IllegalArgumentException for the first bad line, naming its number
   */
  public static WordList parse(List<String> lines) {
    List<WordListEntry> entries = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      try {
        WordListEntry.parse(lines.get(i)).ifPresent(entries::add);
        if (entries.size() > ENTRIES_MAX)
          throw new IllegalArgumentException("more than " + ENTRIES_MAX + " terms");
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    try {
      return new WordList(entries);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          e.getMessage(), e); // names the term; the line is easy to find
    }
  }

  public List<WordListEntry> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  /** The verdict on {@code text}: allow, mask, flag or reject. */
  public FilterVerdict check(String text) {
    if (entries.isEmpty()) return FilterVerdict.ALLOW;
    FoldedText folded = FoldedText.of(text);
    Findings findings = new Findings(entries, folded, text);
    int[] scratch = TermTrie.scratch();
    boolean floats = !floating.isEmpty();
    for (int i = 0; i < folded.length; i++) {
      if (FoldedText.isBreak(folded.symbols[i])) continue;
      boolean wordStart = i == 0 || FoldedText.isBreak(folded.symbols[i - 1]);
      if (wordStart && walk(anchored, folded, i, findings, scratch)) break;
      if (floats && walk(floating, folded, i, findings, scratch)) break;
    }
    return findings.verdict();
  }

  private static boolean walk(
      TermTrie trie, FoldedText folded, int i, Findings findings, int[] scratch) {
    int entered = trie.enter(folded, i);
    return entered != TermTrie.NONE && trie.walk(folded, i, entered, findings, scratch);
  }

  private void add(int index, TrieBuilder anchoredTerms, TrieBuilder floatingTerms) {
    WordListEntry entry = entries.get(index);
    String term = entry.term().strip();
    boolean anyStart = term.startsWith("*");
    boolean anyEnd = term.endsWith("*") && term.length() > 1;
    String core = term.substring(anyStart ? 1 : 0, term.length() - (anyEnd ? 1 : 0));
    (anyStart ? floatingTerms : anchoredTerms)
        .add(
            TermPath.of(core, entry.term()),
            index,
            !anyEnd,
            (kept, added) ->
                entries.get(added).action().compareTo(entries.get(kept).action()) > 0
                    ? added
                    : kept);
  }
}
