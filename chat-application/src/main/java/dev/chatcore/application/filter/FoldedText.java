package dev.chatcore.application.filter;

import java.util.Arrays;

/**
 * A text as the word list sees it: a sequence of symbols, each remembering the characters of
 * the original text it came from (so matches can be masked there). A symbol is a letter or digit
 * to match literally (positive), a word break ({@link TextFolding#SPACE}), a separator
 * ({@link TextFolding#SEPARATOR}: it may be skipped inside a word or end one), or a leetspeak
 * character ({@link #leet}) that may stand for one of its letters or be skipped.
 *
 * <p>Two rules work on whole words (runs between breaks): letters spelled out one by one
 * ({@code f u c k}) make one word, and leetspeak counts only in a word that also has real letters
 * ({@code a55} is {@code ass}, {@code 455} stays a number).
 */
final class FoldedText {
  /** Leet symbols are {@code LEET_BASE - index into TextFolding.LEET}, as the folding table writes them. */
  private static final int LEET_BASE = TextFolding.LEET_CODE;

  int[] symbols;
  /** Where each symbol's character starts in the text (a symbol ends where its character does). */
  int[] from;
  int length;
  /** Whether a word of one symbol was read ({@code a}, {@code I}, or letters spelled out). */
  private boolean oneSymbolWords;
  private boolean leet;

  private FoldedText(int capacity) {
    symbols = new int[capacity];
    from = new int[capacity];
  }

  static FoldedText of(String text) {
    FoldedText folded = new FoldedText(text.length() + 4);
    folded.read(text);
    if (folded.oneSymbolWords) folded.joinSpelledOutLetters();
    if (folded.leet) folded.resolveLeet();
    return folded;
  }

  static boolean isLeet(int symbol) {
    return symbol <= LEET_BASE;
  }

  /** The letters a leet symbol may stand for; empty for the wildcard (any letter). */
  static String leetLetters(int symbol) {
    return TextFolding.LEET_LETTERS[LEET_BASE - symbol];
  }

  private static final int WILDCARD = LEET_BASE - TextFolding.leetIndex(TextFolding.WILDCARD);

  static boolean isWildcard(int symbol) {
    return symbol == WILDCARD;
  }

  static boolean isBreak(int symbol) {
    return symbol == TextFolding.SPACE || symbol == TextFolding.SEPARATOR;
  }

  /**
   * One pass over the text; the common case (a letter, digit or leet character of the table)
   * works on locals only, since it runs once per character of every message.
   */
  private void read(String text) {
    int[] out = symbols;
    int[] at = from;
    int n = 0;
    int word = 0;
    boolean single = false;
    boolean sawLeet = false;
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      int cp = Character.isHighSurrogate(c) ? text.codePointAt(i) : c;
      int code = TextFolding.code(cp);
      if (code > 0 || code <= LEET_BASE && code > TextFolding.EXPANSION) {
        if (n == out.length) {
          out = Arrays.copyOf(out, n * 2);
          at = Arrays.copyOf(at, n * 2);
        }
        out[n] = code;
        at[n++] = i;
        word++;
        sawLeet |= code < 0;
      } else if (code == TextFolding.SPACE || code == TextFolding.SEPARATOR) {
        if (code == TextFolding.SPACE) {
          single |= word == 1;
          word = 0;
        }
        if (n > 0 && isBreak(out[n - 1])) {
          if (code == TextFolding.SPACE) out[n - 1] = TextFolding.SPACE; // breaks collapse; a word break wins
        } else if (n > 0) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2);
            at = Arrays.copyOf(at, n * 2);
          }
          out[n] = code;
          at[n++] = i;
        }
      } else if (TextFolding.isExpansion(code)) {
        for (int e : TextFolding.expansion(code)) {
          if (n == out.length) {
            out = Arrays.copyOf(out, n * 2 + 4);
            at = Arrays.copyOf(at, n * 2 + 4);
          }
          out[n] = e;
          at[n++] = i;
          word += 2;
          sawLeet |= e < 0;
        }
      }
      i += cp > 0xffff ? 2 : 1;
    }
    symbols = out;
    from = at;
    length = n;
    oneSymbolWords = single || word == 1;
    leet = sawLeet;
  }

  /** The end in the text of symbol {@code i}'s character. */
  int to(String text, int i) {
    return from[i] + Character.charCount(text.codePointAt(from[i]));
  }

  /** A word break between two one-symbol words becomes a separator: {@code f u c k} is one word. */
  private void joinSpelledOutLetters() {
    int[] joins = null;
    int n = 0;
    for (int i = 1; i + 1 < length; i++) {
      if (symbols[i] == TextFolding.SPACE && wordLength(i - 1, -1) == 1 && wordLength(i + 1, 1) == 1) {
        if (joins == null) joins = new int[length / 2 + 1];
        joins[n++] = i; // decided on the words as written, then joined
      }
    }
    for (int k = 0; k < n; k++) symbols[joins[k]] = TextFolding.SEPARATOR;
  }

  /** Symbols other than separators from {@code at} to the next word break in {@code step} direction. */
  private int wordLength(int at, int step) {
    int n = 0;
    for (int i = at; i >= 0 && i < length && symbols[i] != TextFolding.SPACE; i += step) {
      if (symbols[i] != TextFolding.SEPARATOR && ++n > 1) return n;
    }
    return n;
  }

  /** Per word: leet characters stay leet when it has real letters; else digits are digits, the rest separates. */
  private void resolveLeet() {
    int start = 0;
    while (start < length) {
      int end = start;
      boolean letters = false;
      boolean leet = false;
      while (end < length && symbols[end] != TextFolding.SPACE) {
        int s = symbols[end];
        if (s > 0 && (s >= 'a' && s <= 'z' || s > 0x7f && Character.isLetter(s))) letters = true;
        else if (s <= LEET_BASE) leet = true;
        end++;
      }
      if (leet && !letters) {
        for (int i = start; i < end; i++) {
          if (symbols[i] > LEET_BASE) continue;
          char c = TextFolding.leetChar(symbols[i]);
          symbols[i] = c >= '0' && c <= '9' ? c : TextFolding.SEPARATOR;
        }
      }
      start = end + 1;
    }
  }
}
