package dev.chatcore.domain.e2ee;

import dev.chatcore.domain.error.InvalidInputException;
import java.util.Objects;

/**
 * A device of an account, as the token's {@code device_id} claim names it: 1-64 characters from
 * {@code A-Z a-z 0-9 . _ - ~}. The set is the URL-unreserved one, so an id is safe in a path
 * ({@code DELETE /v1/devices/{device_id}}), in a key id ({@code curve25519:DEVICE}) and in a store
 * key ({@code account/device}) without escaping.
 */
public record DeviceId(String value) implements Comparable<DeviceId> {
  public static final int MAX_CHARS = 64;

  public DeviceId {
    Objects.requireNonNull(value, "value");
    if (!isValid(value)) throw new IllegalArgumentException("not a device id: " + value);
  }

  /**
   * Parses a device id supplied in the input field {@code field}.
   *
   * @throws InvalidInputException when it is empty, too long or has other characters
   */
  public static DeviceId parse(String value, String field) {
    if (value == null || !isValid(value)) {
      throw new InvalidInputException(
          field, "must be 1-" + MAX_CHARS + " characters of A-Z a-z 0-9 . _ - ~");
    }
    return new DeviceId(value);
  }

  public static boolean isValid(String value) {
    if (value.isEmpty() || value.length() > MAX_CHARS) return false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-'
              || c == '~';
      if (!ok) return false;
    }
    return true;
  }

  @Override
  public int compareTo(DeviceId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
