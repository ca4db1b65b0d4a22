package dev.chatcore.application.e2ee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.admin.EditMessage;
import dev.chatcore.application.admin.ListAdminMessages;
import dev.chatcore.application.admin.MessagePage;
import dev.chatcore.application.admin.SearchMessages;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.domain.chat.PlaintextClaim;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.RoomEncryption;
import dev.chatcore.domain.sync.SyncBatch;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Encrypted rooms and {@code m.encrypted} messages on every storage: encryption turns on once and
 * for good, ciphertext is stored and delivered as it came, plain messages are refused, and
 * moderation works on what the server can see.
 */
public abstract class EncryptedRoomsContract extends E2eeFixture {
  private RoomId encryptedRoom() {
    RoomId room = privateRoom(alice, bobPhone);
    there.enableEncryption().enable(admin, room, RoomEncryption.MEGOLM);
    return room;
  }

  private SendEncryptedMessage.Command encrypted(Caller from, RoomId room, String ciphertext) {
    return new SendEncryptedMessage.Command(
        from,
        room,
        RoomEncryption.MEGOLM,
        ciphertext,
        Optional.of("curveKey"),
        "session-1",
        from.device().orElseThrow().value(),
        Optional.empty());
  }

  @Test
  void encryptionTurnsOnOnceWithOneEventAndShowsInTheRoom() throws Exception {
    RoomId room = privateRoom(alice, bobPhone);
    EventId start = here.storage().events().head();
    var view = there.enableEncryption().enable(admin, room, RoomEncryption.MEGOLM);
    assertEquals(Optional.of(RoomEncryption.megolm()), view.room().encryption());
    there.enableEncryption().enable(admin, room, RoomEncryption.MEGOLM);
    List<Event> events = sync(alice, start).events();
    assertEquals(
        List.of(new EventContent.Encryption(RoomEncryption.MEGOLM)),
        events.stream().map(Event::content).toList(),
        "one m.encryption event");
    assertEquals(
        Optional.of(RoomEncryption.megolm()), here.getRoom().get(alice, room).room().encryption());
  }

  @Test
  void onlyTheCreatorOrAnAdminTurnsItOnAndOnlyMegolm() {
    RoomId room = privateRoom(alice, bobPhone);
    assertThrows(
        ForbiddenException.class,
        () -> there.enableEncryption().enable(alice, room, RoomEncryption.MEGOLM));
    InvalidInputException e =
        assertThrows(
            InvalidInputException.class,
            () -> there.enableEncryption().enable(admin, room, "m.olm.v1.curve25519-aes-sha2"));
    assertEquals("algorithm", e.field());
  }

  @Test
  void ciphertextIsStoredAndDeliveredAsItCameAndPagedInHistory() throws Exception {
    RoomId room = encryptedRoom();
    EventId start = here.storage().events().head();
    Event sent = there.sendEncryptedMessage().send(encrypted(alice, room, "AwgAEpABx+opaque"));
    EventContent.Encrypted expected =
        new EventContent.Encrypted(
            RoomEncryption.MEGOLM,
            "AwgAEpABx+opaque",
            Optional.of("curveKey"),
            "session-1",
            alice.device().orElseThrow());
    SyncBatch batch = sync(bobPhone, start);
    assertEquals(List.of(expected), batch.events().stream().map(Event::content).toList());
    var page =
        here.readHistory()
            .read(
                new ReadHistory.Query(
                    bobPhone, room, Optional.empty(), Direction.BACKWARD, OptionalInt.of(10)));
    assertEquals(List.of(sent.id()), page.chunk().stream().map(Event::id).toList());
    assertTrue(sent.expiresAt().isPresent(), "retention applies as to any message");
  }

  @Test
  void plainMessagesAreRefusedInAnEncryptedRoomOnBothApis() {
    RoomId room = encryptedRoom();
    InvalidInputException v1 =
        assertThrows(
            InvalidInputException.class,
            () ->
                there
                    .sendMessage()
                    .send(
                        new SendMessage.Command(
                            alice, room, "hello", Optional.empty(), Optional.empty())));
    assertEquals("type", v1.field());
    assertThrows(
        InvalidInputException.class,
        () ->
            there
                .postChatMessage()
                .post(new PostChatMessage.Command(alice, room, "hello", Optional.empty())));
  }

  @Test
  void encryptedMessagesNeedAnEncryptedRoomAndTheSendersOwnDevice() {
    RoomId plain = privateRoom(alice, bobPhone);
    assertThrows(
        InvalidInputException.class,
        () -> there.sendEncryptedMessage().send(encrypted(alice, plain, "x")));
    RoomId room = encryptedRoom();
    InvalidInputException spoofed =
        assertThrows(
            InvalidInputException.class,
            () ->
                there
                    .sendEncryptedMessage()
                    .send(
                        new SendEncryptedMessage.Command(
                            alice,
                            room,
                            RoomEncryption.MEGOLM,
                            "x",
                            Optional.empty(),
                            "s",
                            "BOBPHONE",
                            Optional.empty())));
    assertEquals("content.device_id", spoofed.field());
    assertThrows(
        NotFoundException.class,
        () -> there.sendEncryptedMessage().send(encrypted(stranger, room, "x")),
        "a private room is hidden from non-members");
  }

  @Test
  void aTransactionIdRetryStoresOneEncryptedMessage() {
    RoomId room = encryptedRoom();
    SendEncryptedMessage.Command once =
        new SendEncryptedMessage.Command(
            alice,
            room,
            RoomEncryption.MEGOLM,
            "c1",
            Optional.empty(),
            "s",
            "ALICEPHONE",
            Optional.of("txn-1"));
    assertEquals(
        there.sendEncryptedMessage().send(once).id(), here.sendEncryptedMessage().send(once).id());
  }

  @Test
  void replayingOneCiphertextIsSpamButFreshCiphertextsAreNot() {
    RoomId room = encryptedRoom();
    for (int i = 0; i < 10; i++)
      there.sendEncryptedMessage().send(encrypted(bobPhone, room, "fresh-" + i));
    assertThrows(
        BannedException.class,
        () -> {
          for (int i = 0; i < 10; i++)
            there.sendEncryptedMessage().send(encrypted(alice, room, "same bytes"));
        });
  }

  @Test
  void aReportOfAnEncryptedMessageCarriesTheClaimedPlaintextUnverified() {
    RoomId room = encryptedRoom();
    Event sent = there.sendEncryptedMessage().send(encrypted(alice, room, "ciphertext"));
    Report report =
        there
            .reportMessage()
            .report(
                new ReportMessage.Command(
                    bobPhone, sent.id().toString(), Optional.of("you are bad at this game")));
    assertEquals(
        List.of(new PlaintextClaim(bobPhone.id(), "you are bad at this game", clock.instant())),
        report.claims());
    assertTrue(report.log().get(report.log().size() - 1).encrypted());
    assertEquals(
        "", report.log().get(report.log().size() - 1).text(), "the server never had the text");
  }

  @Test
  void adminSearchSkipsCiphertextButListsEncryptedMessages() {
    RoomId room = encryptedRoom();
    there.sendEncryptedMessage().send(encrypted(alice, room, "needle-in-ciphertext"));
    MessagePage search =
        here.searchMessages()
            .search(
                new SearchMessages.Query(admin, Optional.of(room), Optional.empty(), "needle", 0));
    assertEquals(List.of(), search.events());
    MessagePage listing =
        here.listAdminMessages()
            .list(
                new ListAdminMessages.Query(
                    admin, Optional.of(room), Optional.empty(), Optional.empty(), 0))
            .messages();
    assertEquals(1, listing.events().size());
    String id = listing.events().get(0).id().toString();
    assertThrows(
        InvalidInputException.class,
        () ->
            there
                .editMessage()
                .edit(
                    new EditMessage.Command(
                        admin, id, Optional.of("rewritten"), Optional.empty(), Optional.empty())));
  }
}
