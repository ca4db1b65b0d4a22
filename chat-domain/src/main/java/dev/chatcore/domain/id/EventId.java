package dev.chatcore.domain.id;

import dev.chatcore.domain.error.InvalidInputException;

/**
 * An event's place in the one stream of all events; also the sync cursor.
 *
 * <p>The id is the stream position written as 24 lower-case hex digits, zero padded, so that
 * comparing two ids as strings or as positions gives the same answer: which event came first.
 * Positions start at 1; {@link #ORIGIN} (position 0) is "before every event". Positions may have
 * gaps (a failed write on Mongo burns one) but never repeat.
 */
public record EventId(long position) implements Comparable<EventId> {
  /** The cursor before the first event. */
  public static final EventId ORIGIN = new EventId(0);

  public EventId {
    if (position < 0) throw new IllegalArgumentException("negative position " + position);
  }

  /**
   * Parses the hex form.
   *
   * @param field the input field named in the error
   * @throws InvalidInputException when the value is not an event id
   */
  public static EventId parse(String value, String field) {
    String hex = HexIds.normalize(value, field);
    if (!hex.startsWith("00000000") || Character.digit(hex.charAt(8), 16) > 7) {
      throw new InvalidInputException(field, "is not an event id");
    }
    return new EventId(Long.parseUnsignedLong(hex.substring(8), 16));
  }

  /** True when this event comes after {@code other} in the stream. */
  public boolean isAfter(EventId other) {
    return position > other.position;
  }

  @Override
  public int compareTo(EventId o) {
    return Long.compare(position, o.position);
  }

  @Override
  public String toString() {
    String digits = Long.toHexString(position);
    return "0".repeat(HexIds.LENGTH - digits.length()) + digits;
  }
}
