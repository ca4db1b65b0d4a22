package dev.chatcore.domain.room;

import dev.chatcore.domain.error.InvalidInputException;
import java.util.Objects;

/** A room's display name: trimmed, 1 to {@code maxChars} characters. */
public record RoomName(String value) {
  public RoomName {
    Objects.requireNonNull(value, "value");
  }

  /** Validates raw input against the configured maximum length. */
  public static RoomName of(String raw, int maxChars) {
    if (raw == null) throw new InvalidInputException("name", "is required");
    String value = raw.strip();
    if (value.isEmpty() || value.codePointCount(0, value.length()) > maxChars) {
      throw new InvalidInputException("name", "must be 1-" + maxChars + " characters");
    }
    return new RoomName(value);
  }
}
