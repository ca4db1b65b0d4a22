package dev.chatcore.application.filter;

import java.util.Arrays;

/**
 * A text as the word list sees it: a sequence of symbols, each remembering the characters of the
 * original text it came from (so matches can be masked there). A symbol is a letter or digit to
 * match literally (positive), a word break ({@link TextFolding#SPACE}), a separator ({@link
 * TextFolding#SEPARATOR}: it may be skipped inside a word or end one), or a leetspeak character
 * ({@link #isLeet}) that may stand for one of its letters or be skipped.
 *
 * <p>Two rules work on whole words (runs between word breaks): letters spelled out one by one
 * ({@code f u c k}) make one word, and leetspeak counts only in a word that also has real letters
 * ({@code a55} is {@code ass}, {@code 455} stays a number). Both are applied while the text is
 * read, in one pass: folding runs once per character of every message.
 */
final class FoldedText {
  /**
   * Leet symbols are {@code LEET_BASE - index into TextFolding.LEET}, as the folding table writes
   * them.
   */
  private static final int LEET_BASE = TextFolding.LEET_CODE;

  private static final int WILDCARD = LEET_BASE - TextFolding.leetIndex(TextFolding.WILDCARD);

  int[] symbols;

  /** Where each symbol's character starts in the text (a symbol ends where its character does). */
  int[] from;

  int length;

  // The word being read: where it starts, its symbols other than separators (counted up to 2),
  // whether it has real letters or leet characters.
  private int wordStart;
  private int wordSymbols;
  private boolean wordLetters;
  private boolean wordLeet;
  // The group before the last word break: one word, or several spelled out and joined. Its break
  // is decided when the next word ends (joined when both sides are one symbol).
  private int groupStart;
  private boolean groupLetters;
  private boolean groupLeet;
  private int pendingBreak = -1;
  private boolean groupEndsSingle;

  private FoldedText(int capacity) {
    symbols = new int[capacity];
    from = new int[capacity];
  }

  static FoldedText of(String text) {
    FoldedText folded = new FoldedText(text.length() + 4);
    folded.read(text);
    return folded;
  }

  static boolean isLeet(int symbol) {
    return symbol <= LEET_BASE;
  }

  /** The letters a leet symbol may stand for; empty for the wildcard (any letter). */
  static String leetLetters(int symbol) {
    return TextFolding.LEET_LETTERS[LEET_BASE - symbol];
  }

  static boolean isWildcard(int symbol) {
    return symbol == WILDCARD;
  }

  static boolean isBreak(int symbol) {
    return symbol == TextFolding.SPACE || symbol == TextFolding.SEPARATOR;
  }

  /** The end in the text of symbol {@code i}'s character. */
  int to(String text, int i) {
    return from[i] + Character.charCount(text.codePointAt(from[i]));
  }

  private void read(String text) {
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      int cp = Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
      int code = TextFolding.code(cp);
      if (code > 0 || code <= LEET_BASE && code > TextFolding.EXPANSION) {
        symbol(code, i);
      } else if (code == TextFolding.SPACE || code == TextFolding.SEPARATOR) {
        boundary(code, i);
      } else if (TextFolding.isExpansion(code)) {
        for (int s : TextFolding.expansion(code)) symbol(s, i);
      }
      i += cp > 0xffff ? 2 : 1;
    }
    endWord();
    endGroup(length);
  }

  private void symbol(int code, int at) {
    if (wordSymbols == 0) wordStart = length; // after a word break (separators collapse into it)
    if (wordSymbols < 2) wordSymbols++;
    if (code < 0) wordLeet = true;
    else if (code >= 'a' && code <= 'z' || code > 0x7f && Character.isLetter(code))
      wordLetters = true;
    add(code, at);
  }

  /** Breaks in a row collapse into one; a word break wins over a separator. */
  private void boundary(int code, int at) {
    if (length == 0) return;
    int last = symbols[length - 1];
    if (isBreak(last)) {
      if (code == TextFolding.SPACE && last == TextFolding.SEPARATOR) {
        symbols[length - 1] = TextFolding.SPACE;
        endWord();
        pendingBreak = length - 1;
      }
      return;
    }
    add(code, at);
    if (code == TextFolding.SPACE) {
      endWord();
      pendingBreak = length - 1;
    }
  }

  /**
   * The word just read joins the group before it when both are single symbols ({@code f u c k});
   * otherwise that group is complete, and the word starts the next.
   */
  private void endWord() {
    if (wordSymbols == 0) return;
    boolean single = wordSymbols == 1;
    if (pendingBreak >= 0 && groupEndsSingle && single) {
      symbols[pendingBreak] = TextFolding.SEPARATOR;
      groupLetters |= wordLetters;
      groupLeet |= wordLeet;
    } else {
      endGroup(pendingBreak >= 0 ? pendingBreak : wordStart);
      groupStart = wordStart;
      groupLetters = wordLetters;
      groupLeet = wordLeet;
    }
    groupEndsSingle = single;
    pendingBreak = -1;
    wordSymbols = 0;
    wordLetters = false;
    wordLeet = false;
  }

  /**
   * A group without real letters is no leetspeak: its digits are digits, its other leet characters
   * separators.
   */
  private void endGroup(int end) {
    if (!groupLeet || groupLetters) return;
    for (int i = groupStart; i < end; i++) {
      if (symbols[i] > LEET_BASE) continue;
      char c = TextFolding.leetChar(symbols[i]);
      symbols[i] = c >= '0' && c <= '9' ? c : TextFolding.SEPARATOR;
    }
    groupLeet = false;
  }

  private void add(int symbol, int start) {
    if (length == symbols.length) {
      symbols = Arrays.copyOf(symbols, length * 2 + 4);
      from = Arrays.copyOf(from, length * 2 + 4);
    }
    symbols[length] = symbol;
    from[length] = start;
    length++;
  }
}
