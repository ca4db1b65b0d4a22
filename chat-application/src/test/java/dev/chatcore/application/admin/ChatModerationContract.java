package dev.chatcore.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.member.BanMember;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Moderation where the Chat V2 API meets it: chat messages and DMs run the spam check, and a /v1
 * kick or ban takes a global-room seat away. Bans and the spam ladder themselves are in {@link
 * dev.chatcore.application.ModerationContract}.
 */
public abstract class ChatModerationContract extends AdminFixture {
  @Test
  void chatMessagesAndDmsRunTheSpamCheck() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoom(alice);
    for (int i = 0; i < 5; i++) {
      post(alice, global, "BUY GOLD");
    }
    EventId head = storage.events().head();
    assertThrows(BannedException.class, () -> post(alice, global, "buy gold"));
    assertEquals(head, storage.events().head(), "the spam is not stored");
    assertTrue(storage.bans().find(alice.id()).orElseThrow().automatic());

    for (int i = 0; i < 5; i++) {
      core.sendDirectMessage()
          .send(
              new SendDirectMessage.Command(
                  bob, List.of(alice.id().value()), "click here", Optional.empty()));
    }
    assertThrows(
        BannedException.class,
        () ->
            core.sendDirectMessage()
                .send(
                    new SendDirectMessage.Command(
                        bob, List.of(alice.id().value()), "click here", Optional.empty())));
    assertTrue(storage.bans().find(bob.id()).isPresent());
  }

  @Test
  void aV1KickOrBanFromAGlobalRoomTakesTheSeatAway() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoom(alice);
    RoomId bobs = core.placeInGlobalRoom().place(bob.id()).id();
    assertEquals(global, bobs);
    core.kickMember().kick(new KickMember.Command(admin, global, alice.id()));
    assertTrue(storage.globalRooms().roomOf(alice.id()).isEmpty());
    assertFalse(storage.globalRooms().members(global).contains(alice.id()));
    RoomId next = core.placeInGlobalRoom().place(alice.id()).id();
    assertFalse(next.equals(global), "a kicked player is placed elsewhere");
    core.banMember().ban(new BanMember.Command(admin, bobs, bob.id()));
    assertTrue(storage.globalRooms().roomOf(bob.id()).isEmpty());
    Event last = stream(global).getLast();
    assertEquals(new EventContent.Member(bob.id(), Membership.BAN), last.content());
  }
}
