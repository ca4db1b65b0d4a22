package dev.chatcore.application.filter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntBinaryOperator;

/**
 * Collects terms into a trie, then lays it out for walking ({@link #build}): per node a record of
 * two ints (first child; child count and whether it ends a term) and its edge symbol. Not
 * thread-safe; used once per word list.
 */
final class TrieBuilder {
  /** Per node: its children by symbol (sorted, so the frozen layout can binary-search them). */
  private final List<TreeMap<Integer, Integer>> children =
      new ArrayList<>(List.of(new TreeMap<>()));

  private final Map<Integer, Integer> whole = new HashMap<>();
  private final Map<Integer, Integer> open = new HashMap<>();

  /**
   * Adds a term.
   *
   * @param path its symbols (letters, digits, {@link TermTrie#BOUNDARY})
   * @param entry the entry to report
   * @param wordEnd whether the term must end at a word break
   * @param keep given the entry already there and {@code entry}, the one to keep
   */
  void add(int[] path, int entry, boolean wordEnd, IntBinaryOperator keep) {
    int node = TermTrie.ROOT;
    for (int symbol : path) {
      Integer next = children.get(node).get(symbol);
      if (next == null) {
        next = children.size();
        children.add(new TreeMap<>());
        children.get(node).put(symbol, next);
      }
      node = next;
    }
    (wordEnd ? whole : open).merge(node, entry, keep::applyAsInt);
  }

  /**
   * The trie laid out breadth-first: every node's children get consecutive numbers in symbol order,
   * so a step scans a few neighbouring ints, and the nodes near the root (visited by every walk)
   * sit together.
   */
  TermTrie build() {
    int n = children.size();
    int[] number = new int[n];
    int[] order = new int[n];
    int next = 1;
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(TermTrie.ROOT));
    while (!queue.isEmpty()) {
      int old = queue.poll();
      for (int child : children.get(old).values()) {
        number[child] = next;
        order[next++] = child;
        queue.add(child);
      }
    }
    int[] edge = new int[n];
    int[] record = new int[n * TermTrie.RECORD];
    int[] wholeEntries = new int[n];
    int[] openEntries = new int[n];
    edge[TermTrie.ROOT] = TermTrie.NONE;
    for (int id = 0; id < n; id++) {
      int old = order[id];
      TreeMap<Integer, Integer> kids = children.get(old);
      for (Map.Entry<Integer, Integer> kid : kids.entrySet())
        edge[number[kid.getValue()]] = kid.getKey();
      int at = id * TermTrie.RECORD;
      wholeEntries[id] = whole.getOrDefault(old, TermTrie.NONE);
      openEntries[id] = open.getOrDefault(old, TermTrie.NONE);
      record[at] = kids.isEmpty() ? 0 : number[kids.firstEntry().getValue()];
      record[at + 1] =
          kids.size() << 2
              | (wholeEntries[id] != TermTrie.NONE ? TermTrie.ENDS_WHOLE : 0)
              | (openEntries[id] != TermTrie.NONE ? TermTrie.ENDS_OPEN : 0);
    }
    return new TermTrie(
        edge, record, wholeEntries, openEntries, children.get(TermTrie.ROOT).size());
  }
}
