package dev.chatcore.application.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.chat.LastRead;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.chat.PostedMessage;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.application.chat.RoomUpdate;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.e2ee.SendEncryptedMessage;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.ContentRejectedException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.FilterVerdict;
import dev.chatcore.domain.room.RoomEncryption;
import dev.chatcore.domain.testing.TestIds;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The content filter on every path a player posts through, on every storage: what it masks is what
 * every reader gets, what it rejects stores nothing, what it flags is stored and reported
 * automatically; it runs after the spam check and never on admins, nor on end-to-end encrypted
 * messages, which it cannot read.
 */
public abstract class ContentFilterContract extends CoreFixture {
  /** Every text the filter was asked about, in order. */
  private final List<String> checked = new CopyOnWriteArrayList<>();

  /** Rejects "slur", masks "darn", flags "sus" (masked too). */
  @Override
  protected ContentModeration moderation() {
    return ContentModeration.none()
        .withFilter(
            (sender, room, text) -> {
              checked.add(text);
              if (text.contains("slur")) return new FilterVerdict.Reject("slur");
              String masked = text.replace("darn", "****");
              if (text.contains("sus")) return new FilterVerdict.Flag(masked, "suspicious");
              return masked.equals(text) ? FilterVerdict.ALLOW : new FilterVerdict.Mask(masked);
            });
  }

  private Event send(Caller who, RoomId room, String text) {
    return core.sendMessage()
        .send(new SendMessage.Command(who, room, text, Optional.empty(), Optional.empty()));
  }

  private PostedMessage post(Caller who, RoomId room, String text) {
    return core.postChatMessage()
        .post(new PostChatMessage.Command(who, room, text, Optional.empty()));
  }

  private PostedMessage dm(Caller from, Caller to, String text) {
    return core.sendDirectMessage()
        .send(
            new SendDirectMessage.Command(from, List.of(to.id().value()), text, Optional.empty()));
  }

  private static String text(Event e) {
    return ((EventContent.Message) e.content()).text();
  }

  private List<String> history(Caller who, RoomId room) {
    return core
        .readHistory()
        .read(
            new ReadHistory.Query(
                who, room, Optional.empty(), Direction.FORWARD, OptionalInt.of(100)))
        .chunk()
        .stream()
        .map(ContentFilterContract::text)
        .toList();
  }

  private List<String> synced(Caller who, EventId since, RoomId room) throws Exception {
    return sync(who, since).events().stream()
        .filter(e -> e.room().equals(room))
        .filter(Event::isMessage)
        .map(ContentFilterContract::text)
        .toList();
  }

  private List<String> unread(Caller who, RoomId room) {
    List<RoomUpdate> rooms =
        core.readRoomUpdates()
            .read(new ReadRoomUpdates.Query(who, LastRead.of(Optional.of(0L), clock.instant())))
            .rooms();
    return rooms.stream()
        .filter(u -> u.room().id().equals(room))
        .flatMap(u -> u.unread().stream())
        .map(ContentFilterContract::text)
        .toList();
  }

  @Test
  void maskedTextIsWhatPlayersSeeInHistorySyncAndUnreadOnBothApis() throws Exception {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.placeInGlobalRoom().place(alice.id()).id();
    core.placeInGlobalRoom().place(bob.id());
    RoomId lobby = channel("lobby");
    EventId start = storage.events().head();

    assertEquals(
        "oh **** it", text(send(alice, lobby, "oh darn it")), "/v1 answers the stored text");
    assertEquals(
        "**** again", post(alice, global, "darn again").text(), "/chat answers the stored text");
    assertEquals("a **** DM", dm(alice, bob, "a darn DM").text());
    RoomId dmRoom = dm(bob, alice, "fine").room();

    assertEquals(List.of("oh **** it"), history(bob, lobby));
    assertEquals(List.of("**** again"), history(bob, global));
    assertEquals(List.of("oh **** it"), synced(bob, start, lobby));
    assertEquals(List.of("**** again"), synced(bob, start, global));
    assertEquals(List.of("a **** DM", "fine"), synced(bob, start, dmRoom));
    assertEquals(List.of("**** again"), unread(bob, global));
    assertEquals(List.of("a **** DM", "fine"), unread(bob, dmRoom));
  }

  @Test
  void rejectedPostsStoreNothingOnAnyPath() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.placeInGlobalRoom().place(alice.id()).id();
    RoomId lobby = channel("lobby");
    RoomId dmRoom = dm(alice, bob, "hi").room();
    EventId head = storage.events().head();
    long hacked = storage.hackedMessages().count();

    List<Supplier<?>> paths =
        List.of(
            () -> send(alice, lobby, "a slur here"),
            () -> post(alice, global, "a slur there"),
            () -> post(alice, TestIds.room(), "a slur into a room that does not exist"),
            () -> dm(alice, bob, "a slur in a DM"));
    for (Supplier<?> path : paths) {
      ContentRejectedException refused = assertThrows(ContentRejectedException.class, path::get);
      assertEquals("slur", refused.reason());
    }
    assertEquals(head, storage.events().head(), "nothing entered the stream");
    assertEquals(hacked, storage.hackedMessages().count(), "nothing was stored apart either");
    assertEquals(List.of("hi"), history(bob, dmRoom));
  }

  @Test
  void aFlaggedMessageIsStoredAndReportedAutomatically() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.placeInGlobalRoom().place(alice.id()).id();
    core.placeInGlobalRoom().place(bob.id());
    post(bob, global, "hello");
    PostedMessage flagged = post(alice, global, "sus darn link");
    assertEquals("sus **** link", flagged.text(), "a flag may mask as well");
    assertEquals(List.of("hello", "sus **** link"), history(bob, global));

    Report report =
        storage.reports().findByMessage(EventId.parse(flagged.id(), "id")).orElseThrow();
    assertEquals(Report.SYSTEM_REPORTER, report.firstReporter());
    assertEquals(List.of(Report.SYSTEM_REPORTER), report.reporterIds());
    assertEquals(ReportStatus.NEW, report.status());
    assertEquals(Optional.of("flagged by the content filter: suspicious"), report.adminNote());
    assertEquals(
        List.of("hello", "sus **** link"),
        report.log().stream().map(m -> m.text()).toList(),
        "the same snapshot a player's report keeps");

    Report joined = core.reportMessage().report(new ReportMessage.Command(bob, flagged.id()));
    assertEquals(
        List.of(Report.SYSTEM_REPORTER, bob.id()),
        joined.reporterIds(),
        "a player's report joins it");
  }

  @Test
  void everyPathFilesTheAutomaticReportOnceEvenForARetriedTransaction() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId lobby = channel("lobby");
    SendMessage.Command command =
        new SendMessage.Command(alice, lobby, "sus", Optional.empty(), Optional.of("t1"));
    Event first = core.sendMessage().send(command);
    assertEquals(first.id(), core.sendMessage().send(command).id());
    assertEquals(1, storage.reports().findByMessage(first.id()).orElseThrow().reportedCount());
    PostedMessage direct = dm(alice, bob, "sus DM");
    assertTrue(storage.reports().findByMessage(EventId.parse(direct.id(), "id")).isPresent());
  }

  @Test
  void aFlaggedMessageNoPlayerSeesFilesNoReport() {
    Caller alice = player("alice");
    PostedMessage hacked = post(alice, TestIds.room(), "sus darn");
    assertTrue(hacked.hacked());
    assertEquals("sus ****", hacked.text());
    assertEquals(0, storage.reports().count(Optional.empty()));
  }

  @Test
  void theFilterRunsAfterTheSpamCheckAndSeesOnlyMessagesThatPassedIt() {
    Caller alice = player("alice");
    RoomId lobby = channel("lobby");
    for (int i = 0; i < 5; i++) send(alice, lobby, "same");
    assertThrows(BannedException.class, () -> send(alice, lobby, "same"));
    assertEquals(List.of("same", "same", "same", "same", "same"), checked);
  }

  @Test
  void aRejectedMessageStillCountsTowardsSpam() {
    Caller alice = player("alice");
    RoomId lobby = channel("lobby");
    for (int i = 0; i < 5; i++)
      assertThrows(ContentRejectedException.class, () -> send(alice, lobby, "slur"));
    assertThrows(
        BannedException.class,
        () -> send(alice, lobby, "slur"),
        "repeating a refused line is spam");
  }

  @Test
  void anEncryptedMessageSkipsTheFilterButNotTheSpamCheck() {
    Caller alice = player("alice").on(new DeviceId("ALICEPHONE"));
    RoomId lobby = channel("lobby");
    core.enableEncryption().enable(admin, lobby, RoomEncryption.MEGOLM);
    Event sent = sendEncrypted(alice, lobby, "slur sus darn");
    assertEquals(
        "slur sus darn",
        ((EventContent.Encrypted) sent.content()).ciphertext(),
        "stored as it came");
    assertTrue(checked.isEmpty(), "the filter cannot read ciphertext and is not asked: " + checked);
    assertEquals(0, storage.reports().count(Optional.empty()), "nothing is flagged");

    for (int i = 0; i < 4; i++) sendEncrypted(alice, lobby, "slur sus darn");
    assertThrows(
        BannedException.class,
        () -> sendEncrypted(alice, lobby, "slur sus darn"),
        "the same path's spam check compares the ciphertext");
  }

  private Event sendEncrypted(Caller who, RoomId room, String ciphertext) {
    return core.sendEncryptedMessage()
        .send(
            new SendEncryptedMessage.Command(
                who,
                room,
                RoomEncryption.MEGOLM,
                ciphertext,
                Optional.empty(),
                "session-1",
                who.device().orElseThrow().value(),
                Optional.empty()));
  }

  @Test
  void adminMessagesAreNotFiltered() {
    RoomId lobby = channel("lobby");
    Event sent = send(admin, lobby, "quoting a slur and a darn");
    assertEquals("quoting a slur and a darn", text(sent));
    assertTrue(checked.isEmpty());
  }

  @Test
  void theContextIsStoredAsSent() {
    Caller alice = player("alice");
    RoomId lobby = channel("lobby");
    JsonObjectText context = new JsonObjectText("{\"item\":\"darn\"}");
    Event sent =
        core.sendMessage()
            .send(
                new SendMessage.Command(
                    alice, lobby, "darn", Optional.of(context), Optional.empty()));
    assertEquals(new EventContent.Message("****", Optional.of(context)), sent.content());
    assertFalse(checked.isEmpty());
  }
}
