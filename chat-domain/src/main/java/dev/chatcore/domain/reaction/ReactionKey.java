package dev.chatcore.domain.reaction;

import dev.chatcore.domain.error.InvalidInputException;
import java.util.Objects;

/**
 * A reaction key (an emoji or a short word): trimmed, 1 to {@code maxChars} characters (code
 * points), no control characters. Keys compare exactly after trimming.
 */
public record ReactionKey(String value) {
  public ReactionKey {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Validates raw input against the configured maximum length.
   *
   * @throws InvalidInputException naming {@code field} when the key is missing, blank, too long or
   *     holds control characters
   */
  public static ReactionKey of(String raw, int maxChars, String field) {
    if (raw == null) throw new InvalidInputException(field, "is required");
    String value = raw.strip();
    if (value.isEmpty() || value.codePointCount(0, value.length()) > maxChars) {
      throw new InvalidInputException(field, "must be 1-" + maxChars + " characters");
    }
    if (value.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(field, "must not contain control characters");
    }
    return new ReactionKey(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
