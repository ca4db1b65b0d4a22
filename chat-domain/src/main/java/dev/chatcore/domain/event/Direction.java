package dev.chatcore.domain.event;

/** Paging direction through a room's history. */
public enum Direction {
  /** Newest first, towards older events. */
  BACKWARD,
  /** Oldest first, towards newer events. */
  FORWARD
}
