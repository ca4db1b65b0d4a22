package dev.chatcore.application.filter;

import java.util.Map;

/**
 * Letters of other scripts (and a few Latin and symbol forms) that look like a Latin letter and
 * that Unicode's compatibility decomposition does not turn into it: Cyrillic {@code а е о р с у х і
 * ѕ ј}, Greek {@code α ε ι κ ν ο ρ τ υ χ}, Armenian {@code օ ս հ ո}, Latin {@code ł ø đ ı}. The
 * folding maps them to the Latin letter they pass for (a skeleton, in the sense of Unicode's
 * confusable detection, TR39), so {@code fuсk} with a Cyrillic {@code с} reads as {@code fuck}.
 * Keys are lower case; letters are lower-cased before the lookup.
 */
final class Homoglyphs {
  static final Map<Character, String> LOOK_ALIKES =
      Map.ofEntries(
          // Cyrillic
          Map.entry('а', "a"),
          Map.entry('в', "b"),
          Map.entry('г', "r"),
          Map.entry('е', "e"),
          Map.entry('ё', "e"),
          Map.entry('з', "3"),
          Map.entry('к', "k"),
          Map.entry('м', "m"),
          Map.entry('н', "h"),
          Map.entry('о', "o"),
          Map.entry('п', "n"),
          Map.entry('р', "p"),
          Map.entry('с', "c"),
          Map.entry('т', "t"),
          Map.entry('у', "y"),
          Map.entry('х', "x"),
          Map.entry('ь', "b"),
          Map.entry('і', "i"),
          Map.entry('ї', "i"),
          Map.entry('ј', "j"),
          Map.entry('ѕ', "s"),
          Map.entry('ԁ', "d"),
          Map.entry('ԛ', "q"),
          Map.entry('ԝ', "w"),
          Map.entry('ү', "y"),
          Map.entry('һ', "h"),
          Map.entry('ӏ', "l"),
          Map.entry('ɡ', "g"),
          Map.entry('ɑ', "a"),
          Map.entry('ʏ', "y"),
          // Greek
          Map.entry('α', "a"),
          Map.entry('β', "b"),
          Map.entry('γ', "y"),
          Map.entry('δ', "d"),
          Map.entry('ε', "e"),
          Map.entry('ζ', "z"),
          Map.entry('η', "n"),
          Map.entry('ι', "i"),
          Map.entry('κ', "k"),
          Map.entry('μ', "u"),
          Map.entry('ν', "v"),
          Map.entry('ο', "o"),
          Map.entry('π', "n"),
          Map.entry('ρ', "p"),
          Map.entry('σ', "o"),
          Map.entry('ς', "c"),
          Map.entry('τ', "t"),
          Map.entry('υ', "u"),
          Map.entry('χ', "x"),
          Map.entry('ω', "w"),
          // Armenian
          Map.entry('օ', "o"),
          Map.entry('ս', "u"),
          Map.entry('հ', "h"),
          Map.entry('ո', "n"),
          Map.entry('ց', "g"),
          // Latin letters without a decomposition, ligatures and symbols
          Map.entry('ł', "l"),
          Map.entry('ø', "o"),
          Map.entry('đ', "d"),
          Map.entry('ħ', "h"),
          Map.entry('ŧ', "t"),
          Map.entry('ı', "i"),
          Map.entry('ȷ', "j"),
          Map.entry('ƒ', "f"),
          Map.entry('ð', "d"),
          Map.entry('ŋ', "n"),
          Map.entry('ß', "ss"),
          Map.entry('æ', "ae"),
          Map.entry('œ', "oe"),
          Map.entry('þ', "th"),
          Map.entry('ɨ', "i"),
          Map.entry('¡', "i"),
          Map.entry('¢', "c"),
          Map.entry('©', "c"),
          Map.entry('®', "r"),
          Map.entry('¥', "y"),
          Map.entry('§', "s"));

  private Homoglyphs() {}
}
