package dev.chatcore.domain.id;

/** A room: 24 lower-case hex characters. */
public record RoomId(String value) implements Comparable<RoomId> {
  public RoomId {
    value = HexIds.normalize(value, "room_id");
  }

  /** Parses an id supplied in the input field {@code field}. */
  public static RoomId parse(String value, String field) {
    return new RoomId(HexIds.normalize(value, field));
  }

  @Override
  public int compareTo(RoomId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
