package dev.chatcore.domain.e2ee;

import dev.chatcore.domain.error.InvalidInputException;
import java.util.Objects;

/**
 * A one-time or fallback key as uploaded: its id ({@code <algorithm>:<key id>}, e.g. {@code
 * signed_curve25519:AAAAHQ}) and its JSON value exactly as sent (a string for plain {@code
 * curve25519}, a signed object for {@code signed_curve25519}).
 */
public record OneTimeKey(String id, String json) {
  public static final int MAX_ID_CHARS = 128;

  public OneTimeKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(json, "json");
    int colon = id.indexOf(':');
    if (colon <= 0 || colon == id.length() - 1 || id.length() > MAX_ID_CHARS) {
      throw new InvalidInputException(
          "key id " + id, "must be <algorithm>:<id> (at most " + MAX_ID_CHARS + " characters)");
    }
  }

  /** The algorithm part of the id: what a claim asks for. */
  public String algorithm() {
    return id.substring(0, id.indexOf(':'));
  }
}
