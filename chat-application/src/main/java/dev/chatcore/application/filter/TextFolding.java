package dev.chatcore.application.filter;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What each character of a message is for matching, decided once per character at class load (a
 * table of the 65,536 UTF-16 units plus the mathematical and enclosed alphanumerics), so that
 * folding a message costs one array read per character.
 *
 * <p>A character folds to: nothing ({@link #IGNORED}: zero-width and other format characters,
 * combining marks, so accents and "Zalgo" marks vanish); a word break ({@link #SPACE}); a separator
 * inside or between words ({@link #SEPARATOR}: punctuation, symbols, emoji); or one or more symbols
 * to match — a lower-case letter, a digit, or a leetspeak character ({@link #LEET}). Letters are
 * compatibility-decomposed (fullwidth {@code ｆ}, circled {@code ⓕ}, mathematical {@code 𝐟} become
 * {@code f}), stripped of their accents, lower-cased, and look-alikes of other scripts become the
 * Latin letter they pass for ({@link Homoglyphs}).
 */
final class TextFolding {
  static final int IGNORED = 0;
  static final int SPACE = -1;
  static final int SEPARATOR = -2;

  /**
   * Codes from here down to {@code LEET_CODE - LEET.length() + 1} are leet characters: {@code
   * LEET_CODE - index}.
   */
  static final int LEET_CODE = -16;

  /** Codes at or below this one name an expansion: {@code EXPANSION - index}. */
  static final int EXPANSION = -1000;

  /**
   * Characters that stand for letters in leetspeak, with the letters they may stand for; a {@code
   * *} stands for any one letter ({@code f*ck}). They count as letters only in a word that has real
   * letters too, so numbers stay numbers ({@code 455} is not {@code ass}).
   */
  static final String LEET = "0123456789@$!|+(*€";

  static final String[] LEET_LETTERS = {
    "o", "il", "z", "e", "a", "s", "gb", "t", "b", "g", "a", "s", "i", "il", "t", "c", "", "e"
  };

  /** The leet character that stands for any one letter. */
  static final int WILDCARD = '*';

  private static final int[] BMP = new int[65536];
  private static final int MATH_FROM = 0x1D400;
  private static final int[] MATH = new int[0x1D800 - MATH_FROM];
  private static final int ENCLOSED_FROM = 0x1F100;
  private static final int[] ENCLOSED = new int[0x1F200 - ENCLOSED_FROM];
  private static final List<int[]> EXPANSIONS = new ArrayList<>();

  static {
    for (int c = 0; c < BMP.length; c++)
      BMP[c] = Character.isSurrogate((char) c) ? SEPARATOR : classify(c);
    for (int i = 0; i < MATH.length; i++) MATH[i] = classify(MATH_FROM + i);
    for (int i = 0; i < ENCLOSED.length; i++) ENCLOSED[i] = classify(ENCLOSED_FROM + i);
  }

  private TextFolding() {}

  /**
   * The fold code of a code point: {@link #IGNORED}, {@link #SPACE}, {@link #SEPARATOR}, a letter
   * or digit (positive), a leet character ({@link #LEET_CODE} minus its index in {@link #LEET}), or
   * an expansion (read it with {@link #expansion}).
   */
  static int code(int codePoint) {
    if (codePoint < BMP.length) return BMP[codePoint];
    if (codePoint >= MATH_FROM && codePoint - MATH_FROM < MATH.length)
      return MATH[codePoint - MATH_FROM];
    if (codePoint >= ENCLOSED_FROM && codePoint - ENCLOSED_FROM < ENCLOSED.length) {
      return ENCLOSED[codePoint - ENCLOSED_FROM];
    }
    if (Character.isLetterOrDigit(codePoint)) return Character.toLowerCase(codePoint);
    return Character.getType(codePoint) == Character.FORMAT ? IGNORED : SEPARATOR;
  }

  static boolean isExpansion(int code) {
    return code <= EXPANSION;
  }

  /** The symbols of an expansion code ({@code ß} is {@code s s}). */
  static int[] expansion(int code) {
    return EXPANSIONS.get(EXPANSION - code);
  }

  static boolean isLeet(int code) {
    return code <= LEET_CODE && code > LEET_CODE - LEET.length();
  }

  /** The leet character a leet code stands for. */
  static char leetChar(int code) {
    return LEET.charAt(LEET_CODE - code);
  }

  /** The index of a leet character in {@link #LEET}, or -1. */
  static int leetIndex(int symbol) {
    return symbol < 0x10000 ? LEET.indexOf(symbol) : -1;
  }

  private static int classify(int codePoint) {
    int type = Character.getType(codePoint);
    if (type == Character.FORMAT
        || type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK) {
      return IGNORED;
    }
    if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) return SPACE;
    if (type == Character.CONTROL) return IGNORED;
    if (leetIndex(codePoint) >= 0) return LEET_CODE - leetIndex(codePoint);
    String folded = fold(new String(Character.toChars(codePoint)));
    int[] symbols =
        folded
            .codePoints()
            .filter(c -> Character.isLetterOrDigit(c) || leetIndex(c) >= 0)
            .map(c -> leetIndex(c) >= 0 ? LEET_CODE - leetIndex(c) : c)
            .toArray();
    if (symbols.length == 0) return folded.isEmpty() ? IGNORED : SEPARATOR;
    if (symbols.length == 1) return symbols[0];
    EXPANSIONS.add(symbols.length > 4 ? Arrays.copyOf(symbols, 4) : symbols);
    return EXPANSION - (EXPANSIONS.size() - 1);
  }

  /** Decomposed, marks and format characters dropped, lower case, look-alikes replaced. */
  private static String fold(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    String direct = lower.length() == 1 ? Homoglyphs.LOOK_ALIKES.get(lower.charAt(0)) : null;
    if (direct != null) return direct;
    StringBuilder out = new StringBuilder();
    Normalizer.normalize(s, Normalizer.Form.NFKD)
        .codePoints()
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (type == Character.NON_SPACING_MARK
                  || type == Character.ENCLOSING_MARK
                  || type == Character.COMBINING_SPACING_MARK
                  || type == Character.FORMAT) {
                return;
              }
              String one = new String(Character.toChars(c)).toLowerCase(Locale.ROOT);
              for (int i = 0; i < one.length(); i++) {
                String lookAlike = Homoglyphs.LOOK_ALIKES.get(one.charAt(i));
                out.append(lookAlike != null ? lookAlike : String.valueOf(one.charAt(i)));
              }
            });
    return out.toString();
  }
}
