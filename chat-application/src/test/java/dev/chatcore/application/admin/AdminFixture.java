package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.chat.LastRead;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.chat.PostedMessage;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.application.chat.RoomUpdate;
import dev.chatcore.application.chat.RoomUpdates;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.RoomId;
import java.util.List;
import java.util.Optional;

/**
 * A whole core (see {@link CoreFixture}) with the helpers the admin suites share: players seated in
 * a global room, their Chat V2 messages, broadcasts and announcements, and what a player reads of
 * them.
 */
public abstract class AdminFixture extends CoreFixture {
  protected static Broadcast.Item announcement(String text) {
    return new Broadcast.Item(Optional.empty(), 0, Optional.empty(), text, Optional.empty());
  }

  protected List<Broadcast.Sent> broadcast(Broadcast.Item... items) {
    return core.broadcast()
        .broadcast(new Broadcast.Command(admin, List.of(items), Optional.empty()));
  }

  protected RoomUpdates updates(Caller who) {
    return core.readRoomUpdates()
        .read(new ReadRoomUpdates.Query(who, LastRead.of(Optional.empty(), clock.instant())));
  }

  /** Places the players in a global room, in order; returns the room of the first. */
  protected RoomId globalRoom(Caller first, Caller... others) {
    RoomId room = core.placeInGlobalRoom().place(first.id()).id();
    for (Caller other : others) core.placeInGlobalRoom().place(other.id());
    return room;
  }

  /** A Chat V2 message without context. */
  protected PostedMessage post(Caller who, RoomId room, String text) {
    return core.postChatMessage()
        .post(new PostChatMessage.Command(who, room, text, Optional.empty()));
  }

  protected static List<String> unreadTexts(RoomUpdates u, RoomId room) {
    for (RoomUpdate r : u.rooms()) {
      if (r.room().id().equals(room))
        return r.unread().stream().map(e -> ((EventContent.Message) e.content()).text()).toList();
    }
    return List.of();
  }
}
