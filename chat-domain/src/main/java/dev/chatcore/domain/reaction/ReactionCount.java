package dev.chatcore.domain.reaction;

import java.util.Objects;

/**
 * One line of a message's reaction aggregate.
 *
 * @param count how many accounts reacted with the key (at least 1)
 * @param me true when the viewing account is one of them
 */
public record ReactionCount(String key, long count, boolean me) {
  public ReactionCount {
    Objects.requireNonNull(key, "key");
    if (count < 1) throw new IllegalArgumentException("count < 1");
  }
}
