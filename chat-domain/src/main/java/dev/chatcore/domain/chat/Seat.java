package dev.chatcore.domain.chat;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a seat change in the global room directory.
 *
 * @param room the global room the account now sits in
 * @param left the global room it left in the same atomic step, if any
 * @param changed false when the account already sat in {@code room} (nothing was written)
 * @param roomCreated true when {@code room} was made by this call
 */
public record Seat(
    GlobalRoom room, Optional<GlobalRoom> left, boolean changed, boolean roomCreated) {
  public Seat {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(left, "left");
  }
}
