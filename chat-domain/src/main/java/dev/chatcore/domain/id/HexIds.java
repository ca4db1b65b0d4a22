package dev.chatcore.domain.id;

import dev.chatcore.domain.error.InvalidInputException;
import java.util.Locale;

/** Parsing rules shared by every 24-hex identifier (MongoDB ObjectId compatible). */
public final class HexIds {
  /** Length of every identifier in hex characters. */
  public static final int LENGTH = 24;

  private HexIds() {}

  /** True when {@code value} is 24 hex characters (either case). */
  public static boolean isValid(String value) {
    if (value == null || value.length() != LENGTH) return false;
    for (int i = 0; i < LENGTH; i++) {
      if (Character.digit(value.charAt(i), 16) < 0) return false;
    }
    return true;
  }

  /**
   * Returns the lower-case form of a 24-hex identifier.
   *
   * @param field the input field named in the error when the value is not an id
   * @throws InvalidInputException when the value is not 24 hex characters
   */
  public static String normalize(String value, String field) {
    if (!isValid(value)) throw new InvalidInputException(field, "must be a 24-character hex id");
    return value.toLowerCase(Locale.ROOT);
  }
}
