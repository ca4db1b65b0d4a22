package dev.chatcore.domain.room;

/** Where an account stands with a room. */
public enum MemberState {
  JOINED,
  LEFT,
  KICKED,
  /** Kicked and kept out until an admin unbans. */
  BANNED;

  /** True when the account sees the room and may post. */
  public boolean isMember() {
    return this == JOINED;
  }
}
