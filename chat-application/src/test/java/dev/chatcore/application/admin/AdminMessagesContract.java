package dev.chatcore.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.chat.LastRead;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Messages as admins see them: listing with hacked ones apart, search, deletion and edits. */
public abstract class AdminMessagesContract extends AdminFixture {
  private ListAdminMessages.Page messages(
      Optional<RoomId> room, Optional<AccountId> account, Optional<String> id, int page) {
    return core.listAdminMessages()
        .list(new ListAdminMessages.Query(admin, room, account, id, page));
  }

  private MessagePage search(String term, int page) {
    return core.searchMessages()
        .search(new SearchMessages.Query(admin, Optional.empty(), Optional.empty(), term, page));
  }

  private static List<String> eventIds(MessagePage page) {
    return page.events().stream().map(e -> e.id().toString()).toList();
  }

  @Test
  void adminsListMessagesWithHackedOnesApart() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoom(alice, bob);
    String a1 = post(alice, global, "one").id();
    String b1 = post(bob, global, "two").id();
    var hacked = post(alice, TestIds.room(), "sneaky");
    assertTrue(hacked.hacked());
    ListAdminMessages.Page all = messages(Optional.empty(), Optional.empty(), Optional.empty(), 0);
    assertEquals(List.of(b1, a1), eventIds(all.messages()));
    assertEquals(List.of(hacked.id()), all.hacked().stream().map(h -> h.id()).toList());
    ListAdminMessages.Page byAlice =
        messages(Optional.empty(), Optional.of(alice.id()), Optional.empty(), 0);
    assertEquals(List.of(a1), eventIds(byAlice.messages()));
    assertEquals(1, byAlice.hacked().size());
    assertEquals(
        List.of(b1),
        eventIds(messages(Optional.empty(), Optional.empty(), Optional.of(b1), 0).messages()));
    assertEquals(
        List.of(hacked.id()),
        messages(Optional.empty(), Optional.empty(), Optional.of(hacked.id()), 0).hacked().stream()
            .map(h -> h.id())
            .toList());
    assertThrows(
        ForbiddenException.class,
        () ->
            core.listAdminMessages()
                .list(
                    new ListAdminMessages.Query(
                        alice, Optional.empty(), Optional.empty(), Optional.empty(), 0)));
  }

  @Test
  void searchIsALiteralCaseInsensitiveSubstringPaged() {
    Caller alice = player("alice");
    RoomId global = globalRoom(alice);
    for (int i = 0; i < 105; i++) {
      post(alice, global, "Gold #" + i);
    }
    post(alice, global, "silver [x]");
    MessagePage first = search("gOLD", 0);
    assertEquals(100, first.events().size());
    assertEquals(5, first.remaining());
    assertEquals(5, search("gold", 1).events().size());
    assertEquals(1, search("[x]", 0).events().size());
    assertEquals(0, search(".*", 0).events().size());
    assertThrows(InvalidInputException.class, () -> search("  ", 0));
  }

  @Test
  void aDeletedMessageIsARedactionAndGoneFromHistoryAndUnread() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoom(alice, bob);
    String bad = post(bob, global, "bad").id();
    post(bob, global, "fine");
    core.deleteMessage().delete(new DeleteMessage.Command(admin, bad));
    assertEquals(List.of("fine"), unreadTexts(updates(alice), global));
    Event last = stream(global).getLast();
    assertEquals(new EventContent.Redaction(EventId.parse(bad, "id")), last.content());
    assertThrows(
        NotFoundException.class,
        () -> core.deleteMessage().delete(new DeleteMessage.Command(admin, bad)));
    assertThrows(
        InvalidInputException.class,
        () -> core.deleteMessage().delete(new DeleteMessage.Command(admin, "nope")));
    assertThrows(
        ForbiddenException.class,
        () -> core.deleteMessage().delete(new DeleteMessage.Command(alice, bad)));
  }

  private Event edit(
      String id,
      Optional<String> text,
      Optional<JsonObjectText> context,
      Optional<Instant> expiration) {
    return ((EditMessage.Edited.Message)
            core.editMessage().edit(new EditMessage.Command(admin, id, text, context, expiration)))
        .event();
  }

  @Test
  void anAdminEditIsAnMEditAndComesBackAsUnread() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoom(alice, bob);
    var posted = post(bob, global, "bda word");
    clock.advance(Duration.ofMinutes(10));
    LastRead afterPost =
        LastRead.of(Optional.of(clock.instant().getEpochSecond()), clock.instant());
    assertEquals(List.of(), unreadOf(alice, afterPost, global));
    clock.advance(Duration.ofMinutes(1));
    Event edited = edit(posted.id(), Optional.of("bad word"), Optional.empty(), Optional.empty());
    assertEquals(Optional.of(clock.instant()), edited.updatedAt());
    assertEquals(Optional.of(admin.id()), edited.editedBy());
    assertEquals(bob.id(), edited.sender(), "the author stays");
    assertEquals(posted.expiresAt(), edited.expiresAt(), "the expiry stays unless given");
    assertEquals(
        List.of("bad word"), unreadOf(alice, afterPost, global), "players get the edit as unread");
    Event last = stream(global).getLast();
    assertEquals(
        new EventContent.Edit(EventId.parse(posted.id(), "id"), "bad word", Optional.empty()),
        last.content());
    assertEquals(
        "bad word",
        ((EventContent.Message)
                storage.events().find(EventId.parse(posted.id(), "id")).orElseThrow().content())
            .text(),
        "history shows the new text");
    Instant later = clock.instant().plus(Duration.ofDays(30));
    assertEquals(
        Optional.of(later),
        edit(posted.id(), Optional.empty(), Optional.empty(), Optional.of(later)).expiresAt());
    assertThrows(
        InvalidInputException.class,
        () -> edit(posted.id(), Optional.of("bad word"), Optional.empty(), Optional.empty()),
        "nothing changes");
    assertThrows(
        InvalidInputException.class,
        () -> edit(posted.id(), Optional.of(" "), Optional.empty(), Optional.empty()));
    assertThrows(
        InvalidInputException.class,
        () -> edit(posted.id(), Optional.empty(), Optional.empty(), Optional.of(clock.instant())));
    assertThrows(
        NotFoundException.class,
        () ->
            edit("00000000000000000000ffff", Optional.of("x"), Optional.empty(), Optional.empty()));
    assertThrows(
        ForbiddenException.class,
        () ->
            core.editMessage()
                .edit(
                    new EditMessage.Command(
                        alice,
                        posted.id(),
                        Optional.of("mine now"),
                        Optional.empty(),
                        Optional.empty())));
  }

  private List<String> unreadOf(Caller who, LastRead lastRead, RoomId room) {
    return unreadTexts(core.readRoomUpdates().read(new ReadRoomUpdates.Query(who, lastRead)), room);
  }
}
