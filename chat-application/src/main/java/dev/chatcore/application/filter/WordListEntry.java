package dev.chatcore.application.filter;

import dev.chatcore.domain.moderation.FilterVerdict;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of a word list: a term, what to do with a message that contains it, and the reason code
 * reported for it.
 *
 * <p>The term matches whole words after folding ({@link WordList}); a {@code *} at its end also
 * matches longer words that start with it ({@code nazi*}: {@code nazis}), a {@code *} at its start
 * words that end with it, and at both ends the term anywhere inside a word. A term of several words
 * matches them in a row ({@code kill yourself}).
 *
 * @param reason the code in a rejection or an automatic report ({@link FilterVerdict#REASON})
 */
public record WordListEntry(String term, Action action, String reason) {
  /** What happens to a message that contains the term; the strongest action of a message wins. */
  public enum Action {
    /** The term's characters are replaced by {@code *} in the stored text. */
    MASK,
    /** The message is stored and reported automatically for the admins to review. */
    FLAG,
    /** The message is refused; nothing is stored. */
    REJECT
  }

  /** Longest term, in characters. */
  public static final int TERM_MAX = 200;

  public WordListEntry {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(action, "action");
    if (reason == null || !FilterVerdict.REASON.matcher(reason).matches()) {
      throw new IllegalArgumentException(
          "reason must be 1-64 characters of a-z, 0-9, '_', '.' or '-' (got \"" + reason + "\")");
    }
    if (term.isBlank() || term.length() > TERM_MAX) {
      throw new IllegalArgumentException("a term is 1-" + TERM_MAX + " characters");
    }
  }

  /**
   * An entry with its action's default reason ({@code blocked_word}, {@code flagged_word}, {@code
   * masked_word}).
   */
  public static WordListEntry of(String term, Action action) {
    return new WordListEntry(term, action, defaultReason(action));
  }

  /**
   * Reads one line of the file format: {@code <term> <action>[:<reason>]}, the action being {@code
   * mask}, {@code flag} or {@code reject} (the last word of the line), the term everything before
   * it; blank lines and lines starting with {@code #} are skipped.
   *
   * @throws IllegalArgumentException naming what is wrong with the line
   */
  public static Optional<WordListEntry> parse(String line) {
    String stripped = line.strip();
    if (stripped.isEmpty() || stripped.startsWith("#")) return Optional.empty();
    int split = lastWhitespace(stripped);
    if (split < 0)
      throw new IllegalArgumentException("expected \"<term> <action>\" (got \"" + stripped + "\")");
    String term = stripped.substring(0, split).strip();
    String rule = stripped.substring(split + 1);
    int colon = rule.indexOf(':');
    String actionName = (colon < 0 ? rule : rule.substring(0, colon)).toLowerCase(Locale.ROOT);
    Action action =
        switch (actionName) {
          case "mask" -> Action.MASK;
          case "flag" -> Action.FLAG;
          case "reject" -> Action.REJECT;
          default ->
              throw new IllegalArgumentException(
                  "unknown action \"" + actionName + "\" (expected mask, flag or reject)");
        };
    return Optional.of(
        new WordListEntry(
            term, action, colon < 0 ? defaultReason(action) : rule.substring(colon + 1)));
  }

  private static int lastWhitespace(String s) {
    for (int i = s.length() - 1; i >= 0; i--) if (Character.isWhitespace(s.charAt(i))) return i;
    return -1;
  }

  private static String defaultReason(Action action) {
    return switch (action) {
      case MASK -> "masked_word";
      case FLAG -> "flagged_word";
      case REJECT -> "blocked_word";
    };
  }
}
