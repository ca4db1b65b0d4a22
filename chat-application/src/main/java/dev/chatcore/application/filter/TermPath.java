package dev.chatcore.application.filter;

import java.util.Arrays;

/**
 * A word-list term as trie symbols: folded like a text, separators dropped, leetspeak read as its
 * first letter.
 */
final class TermPath {
  private TermPath() {}

  /**
   * @param core the term without its {@code *} anchors
   * @param term the term as written, for messages
   * @throws IllegalArgumentException when it has no letter or digit, or a {@code *} inside
   */
  static int[] of(String core, String term) {
    FoldedText folded = FoldedText.of(core);
    int[] path = new int[folded.length];
    int n = 0;
    for (int i = 0; i < folded.length; i++) {
      int s = folded.symbols[i];
      if (s == TextFolding.SEPARATOR) continue;
      if (s == TextFolding.SPACE) {
        if (n > 0 && path[n - 1] != TermTrie.BOUNDARY) path[n++] = TermTrie.BOUNDARY;
      } else if (FoldedText.isWildcard(s)) {
        throw new IllegalArgumentException(
            "term \"" + term + "\": '*' may only start or end a term");
      } else {
        path[n++] = FoldedText.isLeet(s) ? FoldedText.leetLetters(s).charAt(0) : s;
      }
    }
    while (n > 0 && path[n - 1] == TermTrie.BOUNDARY) n--;
    if (n == 0) throw new IllegalArgumentException("term \"" + term + "\" has no letter or digit");
    return Arrays.copyOf(path, n);
  }
}
