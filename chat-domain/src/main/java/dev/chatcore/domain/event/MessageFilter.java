package dev.chatcore.domain.event;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which message events an admin listing or search wants; every present part must match.
 *
 * @param textContains a literal substring of the text, compared case-insensitively ({@link
 *     Locale#ROOT} lower case); never a pattern (a Mongo store quotes it)
 */
public record MessageFilter(
    Optional<RoomId> room, Optional<AccountId> sender, Optional<String> textContains) {
  public MessageFilter {
    Objects.requireNonNull(room, "room");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(textContains, "textContains");
    textContains = textContains.map(t -> t.toLowerCase(Locale.ROOT));
  }

  public static MessageFilter all() {
    return new MessageFilter(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * True when the message event matches. An encrypted message never matches a text search: its text
   * is ciphertext, and a match on ciphertext bytes would be noise.
   */
  public boolean matches(Event event) {
    if (!event.isMessage()) return false;
    if (room.filter(r -> !r.equals(event.room())).isPresent()) return false;
    if (sender.filter(s -> !s.equals(event.sender())).isPresent()) return false;
    if (textContains.isEmpty()) return true;
    return event.content() instanceof EventContent.Message m
        && m.text().toLowerCase(Locale.ROOT).contains(textContains.get());
  }
}
