package dev.chatcore.domain.event;

/** The kinds of event in the stream, with their wire names. */
public enum EventType {
  MESSAGE("m.plain"),
  ENCRYPTED("m.encrypted"),
  ENCRYPTION("m.encryption"),
  ROOM_CREATED("m.room.created"),
  ROOM_DELETED("m.room.deleted"),
  MEMBER("m.member"),
  REACTION("m.reaction"),
  EDIT("m.edit"),
  REDACTION("m.redaction"),
  TYPING("m.typing"),
  RECEIPT("m.receipt");

  private final String wireName;

  EventType(String wireName) {
    this.wireName = wireName;
  }

  /** The name clients see, e.g. {@code m.plain}. */
  public String wireName() {
    return wireName;
  }
}
