package dev.chatcore.domain.event;

/** What an {@code m.member} event says happened to its target. */
public enum Membership {
  JOIN,
  LEAVE,
  KICK,
  BAN
}
