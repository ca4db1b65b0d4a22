package dev.chatcore.application.filter;

import java.util.Arrays;

/**
 * The terms of a word list as a trie over folded symbols, walked like a small automaton so that the
 * evasions need no copy of the text: a letter repeated in the text stays on the same node ({@code
 * fuuuck}), a separator inside a word is skipped ({@code f.u.c.k}), a leet symbol is either skipped
 * or taken as one of its letters. Each node may end a whole-word term (it must be followed by a
 * break or the end of the text) and an open term (a prefix, {@code word*}).
 *
 * <p>Laid out for the walk ({@link TrieBuilder#build}): per node a record (first child, child
 * count, whether it ends a term), its edge symbol and a bit mask of its children's symbols; a
 * node's children are consecutive and sorted, so a step is a bit test and a population count.
 * Read-only and safe to share between threads.
 */
final class TermTrie {
  static final int ROOT = 0;
  static final int NONE = -1;

  /** The edge symbol of a word break inside a phrase ({@code kill yourself}). */
  static final int BOUNDARY = TextFolding.SPACE;

  /**
   * Ints per node record: first child, then child count and two flags (ends a whole-word term, an
   * open one).
   */
  static final int RECORD = 2;

  static final int ENDS_WHOLE = 2;
  static final int ENDS_OPEN = 1;

  /** Parallel states a walk keeps at most; far more than any real text needs. */
  private static final int STATES = 32;

  /**
   * The bit of a symbol in a node's child mask: a phrase's word break, the digits, the letters a-z,
   * in the order children are sorted in; -1 for any other symbol (beyond ASCII).
   */
  private static final byte[] BITS = new byte[128];

  static {
    Arrays.fill(BITS, (byte) -1);
    for (char c = '0'; c <= '9'; c++) BITS[c] = (byte) (1 + c - '0');
    for (char c = 'a'; c <= 'z'; c++) BITS[c] = (byte) (11 + c - 'a');
  }

  private final int[] edge;

  /** The root's children are nodes 1 to this (breadth-first numbering). */
  private final int rootChildCount;

  /** The entry of the whole-word term a node ends, read only when its record says it ends one. */
  private final int[] whole;

  private final int[] open;

  /** The root's children by ASCII symbol: every walk starts there. */
  private final int[] rootChildren = new int[128];

  /**
   * Which pairs of ASCII symbols start a path, bit {@code 128 * first + second}: 2 KiB that stay in
   * the fastest cache, so the many starts (every letter, for {@code *term*}) that fail at their
   * second letter cost one bit test.
   */
  private final long[] pairs = new long[128 * 128 / 64];

  /**
   * Two longs per node, so a step reads one cache line: the mask of the symbols of {@link #BITS} it
   * has a child for, then its first child (high half) and child count and end flags (low half).
   * Children are sorted, so the child of a symbol is the first child plus the number of lower mask
   * bits set: a bit test and a population count, whatever the number of children.
   */
  private final long[] layout;

  /** A sink for the terms a walk finds. */
  interface Found {
    /**
     * @return true to stop walking (a verdict is final)
     */
    boolean found(int entry, int startSymbol, int endSymbol);
  }

  /**
   * @param record per node: first child, then child count shifted left by 2 with the end flags
   */
  TermTrie(int[] edge, int[] record, int[] whole, int[] open, int rootChildCount) {
    this.rootChildCount = rootChildCount;
    this.edge = edge;
    this.whole = whole;
    this.open = open;
    Arrays.fill(rootChildren, NONE);
    for (int node = 1; node <= rootChildCount; node++) {
      int first = edge[node];
      if (first < 0 || first >= 128) continue;
      rootChildren[first] = node;
      int from = record[node * RECORD];
      for (int c = from; c < from + (record[node * RECORD + 1] >>> 2); c++) {
        int pair = 128 * first + edge[c];
        if (edge[c] >= 0 && edge[c] < 128) pairs[pair >>> 6] |= 1L << pair;
      }
    }
    this.layout = new long[2 * edge.length];
    for (int node = 0; node < edge.length; node++) {
      int first = record[node * RECORD];
      int countAndFlags = record[node * RECORD + 1];
      long mask = 0;
      for (int c = first; c < first + (countAndFlags >>> 2); c++) {
        int bit = bit(edge[c]);
        if (bit >= 0) mask |= 1L << bit;
      }
      layout[2 * node] = mask;
      layout[2 * node + 1] = (long) first << 32 | (countAndFlags & 0xffffffffL);
    }
  }

  private static int bit(int symbol) {
    if (symbol == BOUNDARY) return 0;
    return symbol >= 0 && symbol < BITS.length ? BITS[symbol] : -1;
  }

  private int firstChild(int node) {
    return (int) (layout[2 * node + 1] >>> 32);
  }

  private int childCount(int node) {
    return (int) layout[2 * node + 1] >>> 2;
  }

  private boolean endsWhole(int node) {
    return (layout[2 * node + 1] & ENDS_WHOLE) != 0;
  }

  private boolean endsOpen(int node) {
    return (layout[2 * node + 1] & ENDS_OPEN) != 0;
  }

  boolean isEmpty() {
    return edge.length == 1;
  }

  int child(int node, int symbol) {
    if (node == ROOT && symbol >= 0 && symbol < rootChildren.length) return rootChildren[symbol];
    long mask = layout[2 * node];
    int bit = bit(symbol);
    int first = firstChild(node);
    if (bit >= 0)
      return (mask >>> bit & 1) == 0 ? NONE : first + Long.bitCount(mask & ((1L << bit) - 1));
    // symbols beyond ASCII sort after the others
    for (int c = first + Long.bitCount(mask), end = first + childCount(node); c < end; c++) {
      if (edge[c] == symbol) return c;
    }
    return NONE;
  }

  /**
   * Where a walk from symbol {@code start} begins: {@link #NONE} when no term can start there (its
   * first letter starts no path, or the second cannot follow it), else the node reached over the
   * first one or two plain letters, or {@link #ROOT} when the walk must start from scratch (a leet
   * symbol, a letter beyond ASCII, a repeat, a term ending after one letter). Most starts end here,
   * and a walk that follows does not look those letters up again.
   */
  int enter(FoldedText text, int start) {
    int first = text.symbols[start];
    if (first <= 0 || first >= rootChildren.length) return ROOT;
    int node = rootChildren[first];
    if (node == NONE) return NONE;
    if ((layout[2 * node + 1] & (ENDS_WHOLE | ENDS_OPEN)) != 0) return ROOT;
    if (start + 1 == text.length) return node;
    int second = text.symbols[start + 1];
    if (second <= 0 || second == first) return node;
    if (second < 128) {
      int pair = 128 * first + second;
      if ((pairs[pair >>> 6] & 1L << pair) == 0) return NONE;
    }
    return child(node, second);
  }

  /**
   * Walks from symbol {@code start} of {@code text} and reports every term that matches there, from
   * {@code start} to the last symbol the term took (skipped trailing leet symbols, as in {@code
   * darn!}, are not part of it). Most walks meet only plain letters and one path through the trie;
   * they run in a tight loop, and the automaton with several states takes over at the first
   * separator, leet symbol or ambiguous repeat.
   *
   * @param entered what {@link #enter} answered (not {@link #NONE}): the walk goes on from there
   * @param scratch from {@link #scratch()}; reused by the walks of one check
   * @return true when {@code found} asked to stop
   */
  boolean walk(FoldedText text, int start, int entered, Found found, int[] scratch) {
    int[] symbols = text.symbols;
    int node = entered;
    int depth = node == ROOT ? 0 : node <= rootChildCount ? 1 : 2;
    int i = start + depth;
    int last = i - 1;
    int nodeEdge = depth == 0 ? NONE : symbols[i - 1]; // edge[node], kept at hand
    if (depth == 2 && endsOpen(node) && found.found(open[node], start, last)) return true;
    for (; i < text.length; i++) {
      int symbol = symbols[i];
      if (symbol > 0) {
        boolean repeat = nodeEdge == symbol;
        int next = child(node, symbol);
        if (next == NONE) {
          if (!repeat) return false;
        } else if (repeat) {
          break; // "ss" at an "s" node: stay or advance; the automaton follows both
        } else {
          node = next;
          nodeEdge = symbol;
          if (endsOpen(node) && found.found(open[node], start, i)) return true;
        }
        last = i;
      } else if (FoldedText.isBreak(symbol)) {
        if (node == ROOT)
          return false; // a separator before any letter: the walk after it covers that
        if (endsWhole(node) && found.found(whole[node], start, last)) return true;
        int boundary = child(node, BOUNDARY);
        if (symbol == TextFolding.SPACE) {
          if (boundary == NONE) return false;
          node = boundary; // a phrase goes on
          nodeEdge = BOUNDARY;
        } else if (boundary != NONE) {
          break; // a separator inside a word, or between a phrase's words
        }
      } else {
        break; // a leet symbol: skipped or one of several letters
      }
    }
    if (i == text.length) return endsWhole(node) && found.found(whole[node], start, last);
    return walkStates(text, start, i, node, last, found, scratch);
  }

  /** The automaton: several states at once, from symbol {@code i} on. */
  private boolean walkStates(
      FoldedText text, int start, int i, int node, int last, Found found, int[] scratch) {
    int current = 0;
    int n = 1;
    scratch[0] = node;
    scratch[STATES] = last;
    for (; i < text.length; i++) {
      int symbol = text.symbols[i];
      if (FoldedText.isBreak(symbol) && endWords(scratch, current, n, start, found)) return true;
      int next = current == 0 ? 2 * STATES : 0;
      n = step(scratch, current, n, next, symbol, i);
      current = next;
      for (int k = 0; k < n; k++) {
        int state = scratch[current + k];
        if (endsOpen(state) && found.found(open[state], start, scratch[current + STATES + k]))
          return true;
      }
      if (n == 0) return false;
    }
    return endWords(scratch, current, n, start, found);
  }

  /**
   * Scratch space for {@link #walk}: two sets of states, each state with the last symbol it took.
   */
  static int[] scratch() {
    return new int[4 * STATES];
  }

  private boolean endWords(int[] scratch, int current, int n, int start, Found found) {
    for (int k = 0; k < n; k++) {
      int state = scratch[current + k];
      if (endsWhole(state) && found.found(whole[state], start, scratch[current + STATES + k]))
        return true;
    }
    return false;
  }

  /** Writes the states after symbol {@code i} at {@code next}; returns how many. */
  private int step(int[] scratch, int current, int n, int next, int symbol, int i) {
    int m = 0;
    for (int k = 0; k < n; k++) {
      int node = scratch[current + k];
      int last = scratch[current + STATES + k];
      if (FoldedText.isBreak(symbol)) {
        if (symbol == TextFolding.SEPARATOR && node != ROOT)
          m = put(scratch, next, m, node, last); // f.u.c.k
        m = put(scratch, next, m, child(node, BOUNDARY), i);
      } else if (FoldedText.isLeet(symbol)) {
        m = put(scratch, next, m, node, last); // skipped: "fuck!!" or "!fuck"
        if (FoldedText.isWildcard(symbol)) {
          if (node != ROOT) {
            int first = firstChild(node);
            for (int c = first; c < first + childCount(node); c++) {
              if (edge[c] != BOUNDARY)
                m = put(scratch, next, m, c, i); // any letter, not a word break
            }
          }
        } else {
          String letters = FoldedText.leetLetters(symbol);
          for (int l = 0; l < letters.length(); l++) {
            char letter = letters.charAt(l);
            if (node != ROOT && edge[node] == letter)
              m = put(scratch, next, m, node, i); // "a$$" repeats s
            m = put(scratch, next, m, child(node, letter), i);
          }
        }
      } else {
        if (node != ROOT && edge[node] == symbol)
          m = put(scratch, next, m, node, i); // a repeated letter
        m = put(scratch, next, m, child(node, symbol), i);
      }
    }
    return m;
  }

  /**
   * Adds a state at {@code to} once; a node reached twice keeps the later last symbol (the longer
   * match).
   */
  private static int put(int[] scratch, int to, int m, int node, int last) {
    if (node == NONE) return m;
    for (int k = 0; k < m; k++) {
      if (scratch[to + k] == node) {
        scratch[to + STATES + k] = Math.max(scratch[to + STATES + k], last);
        return m;
      }
    }
    if (m == STATES) return m;
    scratch[to + m] = node;
    scratch[to + STATES + m] = last;
    return m + 1;
  }
}
