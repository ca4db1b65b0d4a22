package dev.chatcore.bench.jmh;

import dev.chatcore.application.filter.WordList;
import dev.chatcore.domain.moderation.FilterVerdict;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A word list and chat messages for the filter benchmark, made from the same syllables so that
 * message words share prefixes with the list's terms (the trie walks go deeper than they would for
 * unrelated words: a pessimistic case). Deterministic for a seed.
 */
final class FilterCorpus {
  private static final String[] SYLLABLES = {
    "ba", "be", "bi", "bo", "ca", "ce", "co", "da", "de", "di", "do", "fa", "fe", "fi", "ga", "go",
    "ha", "he", "hi", "ka", "ki", "la", "le", "li", "lo", "ma", "me", "mi", "mo", "na", "ne", "ni",
    "no", "pa", "pe", "pi", "po", "ra", "re", "ri", "ro", "sa", "se", "si", "so", "ta", "te", "ti",
    "to", "va", "ve", "vi", "wa", "we", "ya", "za", "ck", "st", "sh", "th", "er", "in", "on", "an",
    "ess", "ing", "ed", "ly"
  };

  /** Everyday game-chat words, for messages that look like real chat rather than the terms. */
  private static final String[] CHAT =
      ("gg wp glhf lol ok okay yes no maybe thanks thx np sorry wait go come here there "
              + "raid boss tank heal healer dps mana potion quest loot drop gold xp level lvl guild party group invite join "
              + "leave kick ready now later tonight tomorrow today time meet gate castle dungeon map north south east west "
              + "left right behind front run fast slow careful watch out incoming help need want have got give take trade "
              + "sell buy price cheap good bad nice great awesome cool fun boring hard easy win lose lost again one two three "
              + "the a an and or but so if then when where who what why how is are was were be been am i you he she we they "
              + "it this that these those my your our their me him her us them of to in on at for with from by about "
              + "just really very too also still already never always sometimes anyone someone everyone nobody all some "
              + "any more less most best worst first last next back up down over under into out off again friend friends "
              + "team enemy spawn respawn base tower wall door key chest armor sword bow staff shield ring boots helmet "
              + "craft build farm mine fish cook eat sleep log online offline afk brb bbl omw idk imo tbh btw ty yw")
          .split(" ");

  private static final String[] ACTIONS = {"mask", "flag", "reject:slur", "reject:personal_data"};
  private static final String[] PUNCTUATION = {
    " ", " ", " ", " ", ", ", ". ", "! ", "? ", " :) ", " - "
  };

  private final Random random;

  FilterCorpus(long seed) {
    this.random = new Random(seed);
  }

  /**
   * {@code count} distinct terms as file lines: mostly whole words, 10 % prefixes ({@code term*}),
   * {@code infixPercent} % anywhere in a word ({@code *term*}), 2 % two-word phrases.
   */
  List<String> wordList(int count, int infixPercent) {
    Set<String> terms = new LinkedHashSet<>();
    while (terms.size() < count) {
      String term = word(2, 4);
      int kind = random.nextInt(100);
      if (kind < 10) term = term + "*";
      else if (kind < 10 + infixPercent) term = "*" + term + "*";
      else if (kind < 12 + infixPercent) term = term + " " + word(1, 3);
      terms.add(term);
    }
    List<String> lines = new ArrayList<>();
    for (String term : terms) lines.add(term + " " + ACTIONS[random.nextInt(ACTIONS.length)]);
    return lines;
  }

  /**
   * A message of {@code length} characters of made-up words and punctuation that {@code list}
   * allows: words it would catch are drawn again, so the message is clean but its words share
   * prefixes with the list's terms.
   */
  String message(int length, WordList list) {
    while (true) {
      String message = words(length, list);
      if (list.check(message) == FilterVerdict.ALLOW) return message;
    }
  }

  private String words(int length, WordList list) {
    StringBuilder out = new StringBuilder();
    while (out.length() < length) {
      String w = word(1, 3);
      if (list.check(w) != FilterVerdict.ALLOW) continue;
      if (random.nextInt(8) == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
      if (random.nextInt(20) == 0) w = w + random.nextInt(100);
      out.append(w).append(PUNCTUATION[random.nextInt(PUNCTUATION.length)]);
    }
    return out.substring(0, length);
  }

  /** A message of {@code length} characters of everyday chat words that {@code list} allows. */
  String chat(int length, WordList list) {
    while (true) {
      StringBuilder out = new StringBuilder();
      while (out.length() < length) {
        String w = CHAT[random.nextInt(CHAT.length)];
        if (random.nextInt(10) == 0) w = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        out.append(w).append(PUNCTUATION[random.nextInt(PUNCTUATION.length)]);
      }
      String message = out.substring(0, length);
      if (list.check(message) == FilterVerdict.ALLOW) return message;
    }
  }

  /**
   * A message that hides {@code term} with evasions (look-alikes, repeats, separators, leetspeak).
   */
  String evasive(String term, int length, WordList list) {
    StringBuilder disguised = new StringBuilder();
    for (char c : term.toCharArray()) {
      switch (random.nextInt(5)) {
        case 0 -> disguised.append(c).append(c).append(c);
        case 1 -> disguised.append(c).append('.');
        case 2 -> disguised.append(c == 'a' ? '4' : c == 'e' ? '3' : c == 'o' ? '0' : c);
        case 3 ->
            disguised.append(
                c == 'a' ? 'а' : c == 'e' ? 'е' : c == 'o' ? 'о' : Character.toUpperCase(c));
        default -> disguised.append(c);
      }
    }
    String start = message(length / 2, list);
    return (start + " " + disguised + " " + message(length, list)).substring(0, length);
  }

  private String word(int minSyllables, int maxSyllables) {
    int n = minSyllables + random.nextInt(maxSyllables - minSyllables + 1);
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < n; i++) w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
    return w.toString();
  }
}
