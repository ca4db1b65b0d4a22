package dev.chatcore.adapter.http.v1;

import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.RoomId;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parsing of the {@code timeout} and {@code filter} parameters of {@code GET /v1/sync} (and the
 * streams).
 */
final class SyncParams {
  private static final int MAX_FILTER_ROOMS = 500;

  private SyncParams() {}

  /** {@code 30000}, {@code 30000ms} or {@code 30s}; malformed is a 400. */
  static Duration timeout(String raw) {
    String v = raw.strip().toLowerCase(Locale.ROOT);
    long factor = 1;
    if (v.endsWith("ms")) {
      v = v.substring(0, v.length() - 2);
    } else if (v.endsWith("s")) {
      v = v.substring(0, v.length() - 1);
      factor = 1000;
    }
    if (v.isEmpty() || v.length() > 12 || !v.chars().allMatch(Character::isDigit)) {
      throw new InvalidInputException(
          "timeout", "must be milliseconds, e.g. 30000, 30000ms or 30s");
    }
    return Duration.ofMillis(Long.parseLong(v) * factor);
  }

  /** Comma-separated room ids. */
  static Optional<Set<RoomId>> filter(Optional<String> raw) {
    return raw.map(v -> rooms(Arrays.asList(v.split(","))));
  }

  /** Room ids, as a WebSocket {@code resume} frame lists them; blanks are skipped. */
  static Set<RoomId> rooms(List<String> ids) {
    Set<RoomId> rooms = new LinkedHashSet<>();
    for (String part : ids) {
      if (part.isBlank()) continue;
      rooms.add(RoomId.parse(part.strip(), "filter"));
    }
    if (rooms.isEmpty())
      throw new InvalidInputException("filter", "must list at least one room id");
    if (rooms.size() > MAX_FILTER_ROOMS)
      throw new InvalidInputException("filter", "may list at most " + MAX_FILTER_ROOMS + " rooms");
    return rooms;
  }
}
