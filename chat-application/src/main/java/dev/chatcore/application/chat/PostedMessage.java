package dev.chatcore.application.chat;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message as its sender gets it back from Chat V2. A "hacked" message looks the same to its
 * sender (who is not told), but it is not in the event stream.
 *
 * @param id the event id, or the hacked message's own id (a skipped stream position: the same form)
 * @param expiresAt when the message expires (by room type, SPEC §5; for a hacked message, what its
 *     room would give)
 */
public record PostedMessage(
    String id,
    AccountId author,
    RoomId room,
    String text,
    Optional<JsonObjectText> context,
    Instant createdAt,
    boolean hacked,
    Optional<Instant> expiresAt) {
  public PostedMessage {
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /**
   * A message of the stream as its sender gets it back ({@code event} holds an {@code m.plain}).
   */
  public static PostedMessage of(Event event) {
    EventContent.Message m = (EventContent.Message) event.content();
    return new PostedMessage(
        event.id().toString(),
        event.sender(),
        event.room(),
        m.text(),
        m.context(),
        event.originTs(),
        false,
        event.expiresAt());
  }
}
