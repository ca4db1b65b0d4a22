package dev.chatcore.application.chat;

import dev.chatcore.application.Caller;
import dev.chatcore.application.message.MessagePosting;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.BeforeVisible;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.HackedMessageRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /chat/message}: a message into a room the sender is in becomes an {@code m.plain}
 * event of the one stream (so {@code /v1} history and sync show it); a message into a room that
 * does not exist or that the sender is not in is stored apart, flagged "hacked" with its sender,
 * and shown to no player. Admins may post into any live room. A player's message goes through the
 * spam check and the content filter first, as on {@code /v1} ({@link MessagePosting}); it expires
 * by its room's type ({@link Retention}).
 */
public final class PostChatMessage {
  /** {@code text} may be null when {@code context} is a non-empty object. */
  public record Command(Caller caller, RoomId room, String text, Optional<JsonObjectText> context) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(context, "context");
    }
  }

  private final RoomRepository rooms;
  private final EventLog events;
  private final HackedMessageRepository hackedMessages;
  private final RoomAccess access;
  private final MessagePolicy policy;
  private final Clock clock;
  private final MessagePosting posting;

  @Inject
  public PostChatMessage(
      RoomRepository rooms,
      EventLog events,
      HackedMessageRepository hackedMessages,
      RoomAccess access,
      MessagePolicy policy,
      Clock clock,
      MessagePosting posting) {
    this.rooms = rooms;
    this.events = events;
    this.hackedMessages = hackedMessages;
    this.access = access;
    this.policy = policy;
    this.clock = clock;
    this.posting = posting;
  }

  /**
   * @throws dev.chatcore.domain.error.InvalidInputException for text or context that break the
   *     rules, or when the room is end-to-end encrypted ({@code /chat} has no encrypted messages)
   * @throws ForbiddenException when the sender was kicked or banned from the room
   * @throws dev.chatcore.domain.error.BannedException when the message is spam (the sender is
   *     banned automatically and nothing is stored)
   * @throws dev.chatcore.domain.error.ContentRejectedException when the content filter rejects it
   *     (nothing is stored)
   */
  public PostedMessage post(Command command) {
    EventContent.Message content =
        policy.message(command.text(), command.context(), "message.text", "message.context");
    Caller caller = command.caller();
    Instant now = clock.instant();
    Optional<Room> room = rooms.find(command.room()).filter(r -> !r.isDeleted());
    Optional<MemberState> state = room.flatMap(r -> access.stateOf(caller.id(), r));
    if (room.isPresent()
        && !caller.admin()
        && state.filter(s -> s == MemberState.KICKED || s == MemberState.BANNED).isPresent()) {
      throw new ForbiddenException("removed from this room");
    }
    if (room.isEmpty() || (!caller.admin() && state.filter(MemberState::isMember).isEmpty())) {
      // Checked like any message, but no player sees it, so a flag files no report. Its answer
      // must not tell it apart: a stream-position id (a skipped position, so it orders like the
      // messages around it and never names another) and the expiry its room would give.
      EventContent.Message screened =
          posting.screen(caller, command.room(), content, Optional.empty()).content();
      Instant expiry = posting.expiry(room.map(Room::type).orElse(RoomType.GLOBAL), now);
      String id = events.mark(Set.of(), Set.of(), BeforeVisible.NOTHING).toString();
      HackedMessage hacked =
          new HackedMessage(
              id, caller.id(), command.room(), screened.text(), screened.context(), now);
      hackedMessages.record(hacked);
      return new PostedMessage(
          hacked.id(),
          caller.id(),
          command.room(),
          screened.text(),
          screened.context(),
          now,
          true,
          Optional.of(expiry));
    }
    room.get().requirePlainAllowed("message");
    return PostedMessage.of(
        posting.publish(caller, command.room(), room.get().type(), content, Optional.empty()));
  }
}
