package dev.chatcore.domain.room;

/**
 * The kinds of room. Channels are a {@code /v1} concept with automatic membership; global, private
 * and DM rooms come from Chat V2 and appear in both APIs.
 */
public enum RoomType {
  /** Every account is a member unless it left or was kicked (join rule "auto"). */
  CHANNEL,
  /** Public game chat; each active player is in exactly one, placed by the server. */
  GLOBAL,
  /** Admin-managed membership (guilds, game features). */
  PRIVATE,
  /** Player-created direct message room, identified by its member set. */
  DM
}
