package dev.chatcore.application.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.admin.Broadcast;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.chat.PostedMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.chat.ReportedMessage;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The janitor against a whole core: one test per retention rule and data type, and tests that it
 * leaves everything outside its rules alone. Time moves only by the fixture's mutable clock.
 */
public abstract class JanitorContract extends CoreFixture {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private Janitor.Run janitor() {
    return core.janitor().run(3);
  }

  private void advanceTo(Instant t) {
    clock.set(t);
  }

  private Instant plus(Instant t, Period p) {
    return t.atOffset(ZoneOffset.UTC).plus(p).toInstant();
  }

  private String post(Caller who, RoomId room, String text) {
    PostedMessage p =
        core.postChatMessage().post(new PostChatMessage.Command(who, room, text, Optional.empty()));
    assertFalse(p.hacked(), "posted into a room the sender is in");
    return p.id();
  }

  private boolean exists(String eventId) {
    return storage.events().find(EventId.parse(eventId, "id")).isPresent();
  }

  private List<Event> messages(RoomId room) {
    return storage.events().readMessages(room, Optional.empty(), Direction.FORWARD, 1000);
  }

  private RoomId globalRoomOf(Caller who) {
    return core.placeInGlobalRoom().place(who.id()).id();
  }

  @Test
  void globalRoomMessagesGoAfterTwoWeeks() {
    Caller alice = player("alice");
    RoomId global = globalRoomOf(alice);
    Instant sent = clock.instant();
    String id = post(alice, global, "hello");
    advanceTo(sent.plus(Duration.ofDays(14)).minus(SECOND));
    janitor();
    assertTrue(exists(id));
    advanceTo(sent.plus(Duration.ofDays(14)));
    janitor();
    assertFalse(exists(id));
  }

  @Test
  void dmMessagesGoAfterOneCalendarMonth() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Instant sent = clock.instant();
    PostedMessage dm =
        core.sendDirectMessage()
            .send(
                new SendDirectMessage.Command(
                    alice, List.of(bob.id().value()), "hi", Optional.empty()));
    assertEquals(Optional.of(plus(sent, Period.ofMonths(1))), dm.expiresAt());
    // keep the room active so only the message rule applies
    for (int day = 6; day < 40; day += 6) {
      advanceTo(sent.plus(Duration.ofDays(day)));
      post(bob, dm.room(), "still here " + day);
      janitor();
      assertEquals(
          clock.instant().isBefore(plus(sent, Period.ofMonths(1))), exists(dm.id()), "day " + day);
    }
  }

  @Test
  void privateAndChannelMessagesGoAfterThreeMonths() {
    Caller alice = player("alice");
    RoomId guild = room(RoomType.PRIVATE, alice);
    RoomId lobby = channel("lobby");
    Instant sent = clock.instant();
    String inGuild = post(alice, guild, "guild");
    EventId inLobby = say(alice, lobby, "lobby");
    advanceTo(plus(sent, Period.ofMonths(3)).minus(SECOND));
    janitor();
    assertTrue(exists(inGuild));
    assertTrue(storage.events().find(inLobby).isPresent());
    advanceTo(plus(sent, Period.ofMonths(3)));
    janitor();
    assertFalse(exists(inGuild));
    assertTrue(storage.events().find(inLobby).isEmpty());
  }

  @Test
  void broadcastsGoAfterTwoWeeksOrTheirExpiration() {
    Caller alice = player("alice");
    RoomId global = globalRoomOf(alice);
    Instant sent = clock.instant();
    List<Broadcast.Sent> byDefault =
        core.broadcast()
            .broadcast(
                new Broadcast.Command(
                    admin,
                    List.of(
                        new Broadcast.Item(
                            Optional.of(global), 0, Optional.empty(), "default", Optional.empty())),
                    Optional.empty()));
    List<Broadcast.Sent> shortOne =
        core.broadcast()
            .broadcast(
                new Broadcast.Command(
                    admin,
                    List.of(
                        new Broadcast.Item(
                            Optional.of(global), 0, Optional.empty(), "short", Optional.empty())),
                    Optional.of(sent.plus(Duration.ofHours(1)))));
    advanceTo(sent.plus(Duration.ofHours(1)));
    janitor();
    assertFalse(exists(shortOne.getFirst().id()));
    assertTrue(exists(byDefault.getFirst().id()));
    advanceTo(sent.plus(Duration.ofDays(14)));
    janitor();
    assertFalse(exists(byDefault.getFirst().id()));
  }

  @Test
  void globalRoomsKeepTheirNewest200MessagesInBatches() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoomOf(alice);
    RoomId guild = room(RoomType.PRIVATE, bob);
    for (int i = 0; i < 207; i++) {
      post(alice, global, "g" + i);
      clock.advance(SECOND);
    }
    for (int i = 0; i < 210; i++) post(bob, guild, "p" + i);
    Janitor.Run run = janitor();
    assertEquals(7, run.removed("globalRoomOverflow"));
    List<Event> kept = messages(global);
    assertEquals(200, kept.size());
    assertEquals("g7", ((EventContent.Message) kept.getFirst().content()).text());
    assertEquals("g206", ((EventContent.Message) kept.getLast().content()).text());
    assertEquals(210, messages(guild).size(), "the cap is for global rooms only");
    assertEquals(0, janitor().removed("globalRoomOverflow"));
  }

  @Test
  void idleDmRoomsCloseAfterAWeekWithTheirMessages() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Caller carol = player("carol");
    Instant start = clock.instant();
    PostedMessage idle =
        core.sendDirectMessage()
            .send(
                new SendDirectMessage.Command(
                    alice, List.of(bob.id().value()), "hi", Optional.empty()));
    PostedMessage busy =
        core.sendDirectMessage()
            .send(
                new SendDirectMessage.Command(
                    alice, List.of(carol.id().value()), "hi", Optional.empty()));
    advanceTo(start.plus(Duration.ofDays(5)));
    post(carol, busy.room(), "a message through /chat/message is activity too");
    advanceTo(start.plus(Duration.ofDays(7)).minus(SECOND));
    assertEquals(0, janitor().removed("dmRoomsClosed"));
    advanceTo(start.plus(Duration.ofDays(7)));
    Janitor.Run run = janitor();
    assertEquals(1, run.removed("dmRoomsClosed"));
    assertEquals(1, run.removed("dmMessages"));
    assertTrue(storage.rooms().find(idle.room()).orElseThrow().isDeleted());
    assertFalse(exists(idle.id()));
    assertFalse(storage.rooms().find(busy.room()).orElseThrow().isDeleted());
    assertTrue(exists(busy.id()));
    PostedMessage again =
        core.sendDirectMessage()
            .send(
                new SendDirectMessage.Command(
                    bob, List.of(alice.id().value()), "back", Optional.empty()));
    assertFalse(again.room().equals(idle.room()), "the set starts a new room");
  }

  @Test
  void dmRoomsUnderTwoMembersClose() {
    Caller alice = player("alice");
    RoomId lonely = room(RoomType.DM, alice);
    String said = post(alice, lonely, "anyone?");
    RoomId pair = room(RoomType.DM, alice, player("bob"));
    Janitor.Run run = janitor();
    assertEquals(1, run.removed("dmRoomsClosed"));
    assertTrue(storage.rooms().find(lonely).orElseThrow().isDeleted());
    assertFalse(exists(said));
    assertFalse(storage.rooms().find(pair).orElseThrow().isDeleted());
    Event last = stream(lonely).getLast();
    assertTrue(last.content() instanceof EventContent.RoomDeleted, "members learn of it");
  }

  @Test
  void expiredAnnouncementsArePurged() {
    Instant now = clock.instant();
    core.broadcast()
        .broadcast(
            new Broadcast.Command(
                admin,
                List.of(
                    new Broadcast.Item(
                        Optional.empty(), 0, Optional.empty(), "soon over", Optional.empty())),
                Optional.of(now.plus(Duration.ofMinutes(5)))));
    List<Broadcast.Sent> lasting =
        core.broadcast()
            .broadcast(
                new Broadcast.Command(
                    admin,
                    List.of(
                        new Broadcast.Item(
                            Optional.empty(), 0, Optional.empty(), "lasting", Optional.empty())),
                    Optional.empty()));
    advanceTo(now.plus(Duration.ofMinutes(5)));
    assertEquals(1, janitor().removed("announcements"));
    assertTrue(storage.announcements().find(lasting.getFirst().id()).isPresent());
    advanceTo(now.plus(Duration.ofDays(14)));
    assertEquals(1, janitor().removed("announcements"));
    assertTrue(storage.announcements().find(lasting.getFirst().id()).isEmpty());
  }

  @Test
  void hackedMessagesGoAfterTwoWeeks() {
    Caller alice = player("alice");
    Instant now = clock.instant();
    storage
        .hackedMessages()
        .record(
            new HackedMessage(
                "000000000000000000000001",
                alice.id(),
                TestIds.room(),
                "x",
                Optional.empty(),
                now));
    storage
        .hackedMessages()
        .record(
            new HackedMessage(
                "000000000000000000000002",
                alice.id(),
                TestIds.room(),
                "y",
                Optional.empty(),
                now.plus(Duration.ofDays(1))));
    advanceTo(now.plus(Duration.ofDays(14)).plus(SECOND));
    assertEquals(1, janitor().removed("hackedMessages"));
    assertEquals(1, storage.hackedMessages().count());
  }

  private Report fileReport(long message, Instant created, ReportStatus status) {
    Report r =
        Report.first(
            String.format("%024x", message),
            new EventId(message),
            TestIds.room(),
            TestIds.account(),
            List.of(
                new ReportedMessage(
                    new EventId(message), TestIds.account(), "t", Optional.empty(), created)),
            created);
    storage.reports().file(r);
    if (status != ReportStatus.NEW)
      storage.reports().review(r.id(), status, Optional.empty(), admin.id());
    return r;
  }

  @Test
  void reportsGoByStatusAndAge() {
    Instant t0 = clock.instant();
    Report fresh = fileReport(1, t0, ReportStatus.NEW);
    Report mild = fileReport(2, t0, ReportStatus.MILD);
    Report severe = fileReport(3, t0, ReportStatus.SEVERE);
    Report permanent = fileReport(4, t0, ReportStatus.PERMANENT);
    advanceTo(t0.plus(Duration.ofDays(14)).plus(SECOND));
    Janitor.Run twoWeeks = janitor();
    assertEquals(1, twoWeeks.removed("reportsMild"));
    assertEquals(0, twoWeeks.removed("reportsNew"));
    assertTrue(storage.reports().find(mild.id()).isEmpty());
    advanceTo(plus(t0, Period.ofMonths(1)).plus(SECOND));
    assertEquals(1, janitor().removed("reportsNew"));
    assertTrue(storage.reports().find(fresh.id()).isEmpty());
    assertTrue(storage.reports().find(severe.id()).isPresent());
    advanceTo(plus(t0, Period.ofMonths(3)).plus(SECOND));
    assertEquals(1, janitor().removed("reportsSevere"));
    assertTrue(storage.reports().find(severe.id()).isEmpty());
    advanceTo(plus(t0, Period.ofYears(5)));
    janitor();
    assertTrue(storage.reports().find(permanent.id()).isPresent(), "permanent reports are kept");
  }

  @Test
  void endedBansArePurgedRunningAndPermanentOnesStay() {
    Instant now = clock.instant();
    Caller a = player("a");
    Caller b = player("b");
    Caller c = player("c");
    storage
        .bans()
        .put(
            new Ban(
                a.id(),
                Optional.of(now.plus(Duration.ofMinutes(5))),
                "spam",
                true,
                now,
                Optional.empty()));
    storage
        .bans()
        .put(
            new Ban(
                b.id(),
                Optional.of(now.plus(Duration.ofDays(3))),
                "spam",
                false,
                now,
                Optional.of(admin.id())));
    storage
        .bans()
        .put(new Ban(c.id(), Optional.empty(), "forever", false, now, Optional.of(admin.id())));
    advanceTo(now.plus(Duration.ofMinutes(5)));
    assertEquals(1, janitor().removed("bans"));
    assertTrue(storage.bans().find(a.id()).isEmpty());
    assertTrue(storage.bans().find(b.id()).isPresent());
    assertTrue(storage.bans().find(c.id()).isPresent());
  }

  @Test
  void freshDataIsNotTouched() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoomOf(alice);
    RoomId guild = room(RoomType.PRIVATE, alice, bob);
    RoomId lobby = channel("lobby");
    post(alice, global, "g");
    post(alice, guild, "p");
    say(alice, lobby, "c");
    PostedMessage dm =
        core.sendDirectMessage()
            .send(
                new SendDirectMessage.Command(
                    alice, List.of(bob.id().value()), "d", Optional.empty()));
    core.broadcast()
        .broadcast(
            new Broadcast.Command(
                admin,
                List.of(
                    new Broadcast.Item(
                        Optional.empty(), 0, Optional.empty(), "news", Optional.empty())),
                Optional.empty()));
    fileReport(1, clock.instant(), ReportStatus.NEW);
    storage
        .bans()
        .put(
            new Ban(
                bob.id(),
                Optional.of(clock.instant().plus(Duration.ofDays(7))),
                "r",
                false,
                clock.instant(),
                Optional.of(admin.id())));
    long eventsBefore =
        storage
            .events()
            .readAfter(EventId.ORIGIN, Set.of(global, guild, lobby, dm.room()), 10_000)
            .events()
            .size();
    clock.advance(Duration.ofDays(6));
    Janitor.Run run = janitor();
    assertEquals(0, run.total(), run.removed().toString());
    assertEquals(
        eventsBefore,
        storage
            .events()
            .readAfter(EventId.ORIGIN, Set.of(global, guild, lobby, dm.room()), 10_000)
            .events()
            .size());
    assertEquals(1, storage.announcements().active(clock.instant()).size());
    assertEquals(1, storage.reports().count(Optional.empty()));
    assertTrue(storage.bans().find(bob.id()).isPresent());
    assertFalse(storage.rooms().find(dm.room()).orElseThrow().isDeleted());
  }

  @Test
  void aSecondRunRemovesNothing() {
    Caller alice = player("alice");
    RoomId global = globalRoomOf(alice);
    for (int i = 0; i < 205; i++) post(alice, global, "m" + i);
    room(RoomType.DM, alice);
    clock.advance(Duration.ofDays(1));
    assertTrue(janitor().total() > 0);
    assertEquals(0, janitor().total());
  }

  @Test
  void batchSizeMustBePositive() {
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> core.janitor().run(0));
  }

  @Test
  void tombstonesGoADayAfterDeletionWithTheirRecords() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId lonely = room(RoomType.DM, alice);
    RoomId pair = room(RoomType.DM, alice, bob);
    RoomId lobby = channel("lobby");
    core.deleteRoom().delete(admin, lobby);
    Instant deleted = clock.instant();
    assertEquals(1, janitor().removed("dmRoomsClosed"));
    assertTrue(storage.rooms().find(lonely).orElseThrow().isDeleted());
    advanceTo(deleted.plus(Duration.ofDays(1)).minus(SECOND));
    assertEquals(0, janitor().removed("tombstones"));
    assertTrue(storage.rooms().find(lobby).isPresent());
    advanceTo(deleted.plus(Duration.ofDays(1)));
    assertEquals(2, janitor().removed("tombstones"));
    assertTrue(storage.rooms().find(lonely).isEmpty());
    assertTrue(storage.rooms().find(lobby).isEmpty());
    assertTrue(
        storage.memberships().find(lonely, alice.id()).isEmpty(), "its membership records go too");
    assertTrue(
        storage.memberships().find(pair, alice.id()).isPresent(), "a live room's records stay");
  }
}
