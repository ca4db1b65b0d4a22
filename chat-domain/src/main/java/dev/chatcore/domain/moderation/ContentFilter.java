package dev.chatcore.domain.moderation;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;

/**
 * Decides what happens to a player's message before it is stored: allow, mask, flag for review, or
 * reject ({@link FilterVerdict}). The host implements it (the standalone server has a word-list
 * filter configured by a file); {@link #NONE} allows everything.
 *
 * <p>The core calls it once per player message, on every path a player posts through ({@code /v1}
 * {@code POST /rooms/{id}/messages}, {@code /chat} {@code POST /chat/message} and {@code POST
 * /chat/dm}, the embedding API's sends), after the spam check and before anything is stored. Admin
 * messages (edits, broadcasts, an admin's own posts) are not filtered. It runs on the request's
 * thread, concurrently for many requests: it must be thread-safe and fast (it adds its time to
 * every post) and must not block on I/O. Only the text is filtered; a message's {@code context} is
 * the game's own data and is stored as sent. A runtime exception it throws is a bug: the post fails
 * and nothing is stored.
 */
@FunctionalInterface
public interface ContentFilter {
  /** Allows every message: the core's default. */
  ContentFilter NONE = (sender, room, text) -> FilterVerdict.ALLOW;

  /**
   * @param sender the player who sent it
   * @param room the room it goes to (for {@code /chat/message}, the room the player named, which
   *     may not exist)
   * @param text the trimmed text; may be empty when the message has only a context
   * @return the verdict; never null
   */
  FilterVerdict check(AccountId sender, RoomId room, String text);
}
