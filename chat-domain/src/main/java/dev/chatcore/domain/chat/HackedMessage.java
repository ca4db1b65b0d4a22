package dev.chatcore.domain.chat;

import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message a player sent to a room that does not exist or that it is not in. Kept apart from the
 * event stream (no player, no sync and no history ever shows it), for admins to review and the
 * janitor to purge.
 *
 * @param id 24-hex id
 * @param room the room id the sender named
 */
public record HackedMessage(
    String id,
    AccountId sender,
    RoomId room,
    String text,
    Optional<JsonObjectText> context,
    Instant createdAt) {
  public HackedMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(createdAt, "createdAt");
  }
}
