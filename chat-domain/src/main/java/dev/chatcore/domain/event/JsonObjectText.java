package dev.chatcore.domain.event;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A JSON object kept as its compact text: message {@code context}, room {@code data}, player
 * preferences. The core never looks inside; it only needs the size and whether the object is empty.
 * Adapters build it from JSON they have parsed (so the text is always a valid object) and write it
 * back out verbatim, which also keeps rendering cheap.
 */
public record JsonObjectText(String json) {
  /** The empty object. */
  public static final JsonObjectText EMPTY = new JsonObjectText("{}");

  public JsonObjectText {
    Objects.requireNonNull(json, "json");
    String t = json.strip();
    if (t.length() < 2 || t.charAt(0) != '{' || t.charAt(t.length() - 1) != '}') {
      throw new IllegalArgumentException("not a JSON object text");
    }
  }

  /** True for {@code {}} (with any white space inside). */
  public boolean isEmpty() {
    for (int i = 1, n = json.length() - 1; i < n; i++) {
      if (!Character.isWhitespace(json.charAt(i))) return false;
    }
    return true;
  }

  /** Size of the text in UTF-8 bytes, the unit of the context and preferences limits. */
  public int sizeBytes() {
    return json.getBytes(StandardCharsets.UTF_8).length;
  }
}
