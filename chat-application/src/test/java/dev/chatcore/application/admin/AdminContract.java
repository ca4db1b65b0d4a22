package dev.chatcore.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.chat.LastRead;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.application.chat.RoomUpdate;
import dev.chatcore.application.chat.RoomUpdates;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Admin use cases (broadcasts, announcements, report review) and the moderation rules of both APIs. */
public abstract class AdminContract extends CoreFixture {

  private static Broadcast.Item toRoom(RoomId room, String text) {
    return new Broadcast.Item(Optional.of(room), 0, Optional.empty(), text, Optional.empty());
  }

  private static Broadcast.Item announcement(String text) {
    return new Broadcast.Item(Optional.empty(), 0, Optional.empty(), text, Optional.empty());
  }

  private List<Broadcast.Sent> broadcast(Broadcast.Item... items) {
    return core.admin().broadcast().broadcast(new Broadcast.Command(admin, List.of(items), Optional.empty()));
  }

  private RoomUpdates updates(Caller who) {
    return core.chat().readRoomUpdates().read(new ReadRoomUpdates.Query(who, LastRead.of(Optional.empty(), clock.instant())));
  }

  private static List<String> unreadTexts(RoomUpdates u, RoomId room) {
    for (RoomUpdate r : u.rooms()) {
      if (r.room().id().equals(room)) return r.unread().stream().map(e -> ((EventContent.Message) e.content()).text()).toList();
    }
    return List.of();
  }

  private RoomId guildRoom(Caller... members) {
    RoomId id = room(RoomType.PRIVATE, members);
    Room r = storage.rooms().find(id).orElseThrow();
    // private rooms made here carry the Guild channel, as the admin API gives them by default
    storage.rooms().markDeleted(id, storage.events().head());
    RoomId guild = TestIds.room();
    storage.rooms().create(new Room(guild, RoomType.PRIVATE, r.name(), r.topic(), r.createdAt(), 0, 2, r.data(),
        r.createdBy(), Optional.empty()));
    for (Caller m : members) {
      storage.memberships().put(new dev.chatcore.domain.room.RoomMember(guild, m.id(),
          dev.chatcore.domain.room.MemberState.JOINED, clock.instant(), storage.events().head()));
    }
    return guild;
  }

  @Test
  void aRoomBroadcastIsAnAdminEventMembersSeeInEveryRoomType() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId guild = guildRoom(alice, bob);
    RoomId dm = room(RoomType.DM, alice, bob);
    List<Broadcast.Sent> sent = broadcast(toRoom(guild, "guild event"), toRoom(dm, "dm notice"));
    assertEquals(2, sent.size());
    assertEquals(Optional.of(guild), sent.get(0).room());
    assertEquals(admin.id(), sent.get(0).author());
    RoomUpdates u = updates(alice);
    assertEquals(List.of("guild event"), unreadTexts(u, guild), "admin messages show although the admin is no member");
    assertEquals(List.of("dm notice"), unreadTexts(u, dm));
    Event event = storage.events().find(EventId.parse(sent.get(0).id(), "id")).orElseThrow();
    assertEquals(guild, event.room());
    var page = core.readHistory().read(new ReadHistory.Query(alice, guild, Optional.empty(),
        dev.chatcore.domain.event.Direction.BACKWARD, java.util.OptionalInt.empty()));
    assertEquals(1, page.chunk().size(), "/v1 history shows it");
  }

  @Test
  void broadcastsExpireAfterTwoWeeksUnlessTheAdminSetsATime() {
    Caller alice = player("alice");
    RoomId guild = guildRoom(alice);
    Instant now = clock.instant();
    assertEquals(now.plus(Duration.ofDays(14)), broadcast(toRoom(guild, "a")).getFirst().expiresAt());
    Instant at = now.plus(Duration.ofHours(3));
    Broadcast.Sent explicit = core.admin().broadcast().broadcast(new Broadcast.Command(admin,
        List.of(toRoom(guild, "b"), announcement("c")), Optional.of(at))).getFirst();
    assertEquals(at, explicit.expiresAt());
    assertEquals(Optional.of(at), storage.events().find(EventId.parse(explicit.id(), "id")).orElseThrow().expiresAt());
    assertThrows(InvalidInputException.class, () -> core.admin().broadcast().broadcast(new Broadcast.Command(admin,
        List.of(toRoom(guild, "d")), Optional.of(now))));
  }

  @Test
  void aChannelBroadcastGoesToEachMatchingRoomOfTheAccountButNeverToDms() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    RoomId guild = guildRoom(alice, bob);
    RoomId dm = room(RoomType.DM, alice, bob);
    List<Broadcast.Sent> all = broadcast(new Broadcast.Item(Optional.empty(), 255, Optional.of(alice.id()), "all",
        Optional.empty()));
    assertEquals(List.of(global, guild).stream().sorted().toList(),
        all.stream().map(s -> s.room().orElseThrow()).sorted().toList());
    List<Broadcast.Sent> globalOnly = broadcast(new Broadcast.Item(Optional.empty(), 1, Optional.of(alice.id()), "g",
        Optional.empty()));
    assertEquals(List.of(global), globalOnly.stream().map(s -> s.room().orElseThrow()).toList());
    List<Broadcast.Sent> guildOnly = broadcast(new Broadcast.Item(Optional.empty(), 2, Optional.of(alice.id()), "guild",
        Optional.empty()));
    assertEquals(List.of(guild), guildOnly.stream().map(s -> s.room().orElseThrow()).toList());
    assertEquals(List.of(), unreadTexts(updates(alice), dm));
  }

  @Test
  void aRefusedBroadcastWritesNothing() {
    Caller alice = player("alice");
    RoomId guild = guildRoom(alice);
    EventId head = storage.events().head();
    assertThrows(InvalidInputException.class, () -> broadcast(toRoom(guild, "ok"),
        new Broadcast.Item(Optional.empty(), 2, Optional.empty(), "no account", Optional.empty())));
    assertThrows(InvalidInputException.class, () -> broadcast(
        new Broadcast.Item(Optional.empty(), 2, Optional.of(TestIds.account()), "nobody's rooms", Optional.empty())));
    assertThrows(InvalidInputException.class, () -> broadcast(toRoom(guild, "  ")));
    assertThrows(InvalidInputException.class, () -> broadcast(
        new Broadcast.Item(Optional.empty(), 256, Optional.of(alice.id()), "bad flags", Optional.empty())));
    assertThrows(NotFoundException.class, () -> broadcast(toRoom(TestIds.room(), "unknown room"), announcement("x")));
    assertThrows(InvalidInputException.class, () -> core.admin().broadcast().broadcast(
        new Broadcast.Command(admin, List.of(), Optional.empty())));
    assertThrows(ForbiddenException.class, () -> core.admin().broadcast().broadcast(
        new Broadcast.Command(alice, List.of(announcement("player")), Optional.empty())));
    assertEquals(head, storage.events().head());
    assertEquals(List.of(), storage.announcements().active(clock.instant()));
  }

  @Test
  void announcementsReachEveryPlayerWhileActive() {
    Caller alice = player("alice");
    Broadcast.Sent a = broadcast(announcement("maintenance at noon")).getFirst();
    assertTrue(a.room().isEmpty());
    List<Announcement> shown = updates(alice).announcements();
    assertEquals(List.of("maintenance at noon"), shown.stream().map(Announcement::text).toList());
    clock.advance(Duration.ofDays(14));
    assertEquals(List.of(), updates(alice).announcements());
  }

  @Test
  void anEleventhAnnouncementExpiresTheOldest() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      ids.add(broadcast(announcement("a" + i)).getFirst().id());
      clock.advance(Duration.ofSeconds(1));
    }
    List<Announcement> active = storage.announcements().active(clock.instant());
    assertEquals(ids.subList(1, 11), active.stream().map(Announcement::id).toList());
    assertFalse(storage.announcements().find(ids.get(0)).orElseThrow().isActive(clock.instant()));
  }

  @Test
  void concurrentAnnouncementsLeaveExactlyTenActive() throws Exception {
    int threads = 8;
    int each = 6;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int n = t;
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < each; i++) broadcast(announcement("t" + n + "-" + i));
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(Broadcast.ANNOUNCEMENTS_MAX, storage.announcements().active(clock.instant()).size());
  }

  @Test
  void adminsListAndReviewReports() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    core.chat().placeInGlobalRoom().place(bob.id());
    String m1 = core.chat().postChatMessage().post(new PostChatMessage.Command(bob, global, "rude", Optional.empty())).id();
    String m2 = core.chat().postChatMessage().post(new PostChatMessage.Command(bob, global, "ruder", Optional.empty())).id();
    Report r1 = core.chat().reportMessage().report(new ReportMessage.Command(alice, m1));
    core.chat().reportMessage().report(new ReportMessage.Command(alice, m2));
    Report r2 = core.chat().reportMessage().report(new ReportMessage.Command(alice, m2));
    ListReports.Page page = core.admin().listReports().list(new ListReports.Query(admin, Optional.empty(),
        Optional.empty(), 0));
    assertEquals(List.of(r2.id(), r1.id()), page.reports().stream().map(Report::id).toList(), "more reported first");
    assertEquals(0, page.remaining());
    assertEquals(List.of(r1.id()), core.admin().listReports().list(new ListReports.Query(admin, Optional.of(r1.id()),
        Optional.empty(), 0)).reports().stream().map(Report::id).toList());
    assertEquals(2, core.admin().listReports().list(new ListReports.Query(admin, Optional.empty(),
        Optional.of(bob.id()), 0)).reports().size(), "bob wrote the logged messages");
    Report reviewed = core.admin().reviewReport().review(new ReviewReport.Command(admin, r2.id(), Optional.of(1),
        Optional.of("kept for the record")));
    assertEquals(ReportStatus.PERMANENT, reviewed.status());
    assertEquals(Optional.of(admin.id()), reviewed.reviewedBy());
    assertEquals(r2.log(), reviewed.log());
    assertEquals(List.of(r1.id(), r2.id()), core.admin().listReports().list(new ListReports.Query(admin,
        Optional.empty(), Optional.empty(), 0)).reports().stream().map(Report::id).toList(), "New first");
    Report noteOnly = core.admin().reviewReport().review(new ReviewReport.Command(admin, r2.id(), Optional.empty(),
        Optional.of("")));
    assertEquals(ReportStatus.PERMANENT, noteOnly.status());
    assertEquals(Optional.empty(), noteOnly.adminNote());
    assertThrows(InvalidInputException.class, () -> core.admin().reviewReport().review(
        new ReviewReport.Command(admin, r2.id(), Optional.of(2), Optional.empty())));
    assertThrows(InvalidInputException.class, () -> core.admin().reviewReport().review(
        new ReviewReport.Command(admin, r2.id(), Optional.empty(), Optional.empty())));
    assertThrows(NotFoundException.class, () -> core.admin().reviewReport().review(
        new ReviewReport.Command(admin, "00000000000000000000000f", Optional.of(50), Optional.empty())));
    assertThrows(ForbiddenException.class, () -> core.admin().reviewReport().review(
        new ReviewReport.Command(alice, r2.id(), Optional.of(50), Optional.empty())));
    assertThrows(ForbiddenException.class, () -> core.admin().listReports().list(
        new ListReports.Query(alice, Optional.empty(), Optional.empty(), 0)));
  }

  @Test
  void reportsArePagedTenAtATime() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    core.chat().placeInGlobalRoom().place(bob.id());
    for (int i = 0; i < 13; i++) {
      String m = core.chat().postChatMessage().post(new PostChatMessage.Command(bob, global, "m" + i, Optional.empty())).id();
      core.chat().reportMessage().report(new ReportMessage.Command(alice, m));
    }
    ListReports.Page first = core.admin().listReports().list(new ListReports.Query(admin, Optional.empty(), Optional.empty(), 0));
    ListReports.Page second = core.admin().listReports().list(new ListReports.Query(admin, Optional.empty(), Optional.empty(), 1));
    assertEquals(10, first.reports().size());
    assertEquals(3, first.remaining());
    assertEquals(3, second.reports().size());
    assertEquals(0, second.remaining());
  }

  @Test
  void chatMessagesAndDmsRunTheSpamCheck() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    for (int i = 0; i < 5; i++) {
      core.chat().postChatMessage().post(new PostChatMessage.Command(alice, global, "BUY GOLD", Optional.empty()));
    }
    EventId head = storage.events().head();
    assertThrows(BannedException.class, () -> core.chat().postChatMessage().post(
        new PostChatMessage.Command(alice, global, "buy gold", Optional.empty())));
    assertEquals(head, storage.events().head(), "the spam is not stored");
    assertTrue(storage.bans().find(alice.id()).orElseThrow().automatic());

    for (int i = 0; i < 5; i++) {
      core.chat().sendDirectMessage().send(new SendDirectMessage.Command(bob, List.of(alice.id().value()), "click here",
          Optional.empty()));
    }
    assertThrows(BannedException.class, () -> core.chat().sendDirectMessage().send(
        new SendDirectMessage.Command(bob, List.of(alice.id().value()), "click here", Optional.empty())));
    assertTrue(storage.bans().find(bob.id()).isPresent());
  }

  @Test
  void aV1KickOrBanFromAGlobalRoomTakesTheSeatAway() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    RoomId bobs = core.chat().placeInGlobalRoom().place(bob.id()).id();
    assertEquals(global, bobs);
    core.kickMember().kick(new KickMember.Command(admin, global, alice.id(), false));
    assertTrue(storage.globalRooms().roomOf(alice.id()).isEmpty());
    assertFalse(storage.globalRooms().members(global).contains(alice.id()));
    RoomId next = core.chat().placeInGlobalRoom().place(alice.id()).id();
    assertFalse(next.equals(global), "a kicked player is placed elsewhere");
    core.kickMember().kick(new KickMember.Command(admin, bobs, bob.id(), true));
    assertTrue(storage.globalRooms().roomOf(bob.id()).isEmpty());
    Event last = stream(global).getLast();
    assertEquals(new EventContent.Member(bob.id(), Membership.BAN), last.content());
  }

  private List<String> ids(Caller... callers) {
    return java.util.Arrays.stream(callers).map(c -> c.id().value()).toList();
  }

  private java.util.Set<dev.chatcore.domain.id.AccountId> joined(RoomId room) {
    java.util.Set<dev.chatcore.domain.id.AccountId> out = new java.util.TreeSet<>();
    for (var m : storage.memberships().inState(room, dev.chatcore.domain.room.MemberState.JOINED, Optional.empty(), 1000)) {
      out.add(m.account());
    }
    return out;
  }

  @Test
  void adminsCreatePrivateRoomsWithMemberEvents() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Room room = core.admin().privateRooms().create(new PrivateRooms.Create(admin, ids(alice, bob, alice),
        Optional.of(new dev.chatcore.domain.event.JsonObjectText("{\"guild\":\"wolves\"}")), Optional.empty()));
    assertEquals(RoomType.PRIVATE, room.type());
    assertEquals(PrivateRooms.GUILD_CHANNEL, room.broadcastChannels(), "Guild by default");
    assertEquals(java.util.Set.of(alice.id(), bob.id()), joined(room.id()));
    List<Event> events = stream(room.id());
    assertTrue(events.getFirst().content() instanceof EventContent.RoomCreated);
    assertEquals(2, events.stream().filter(e -> e.content() instanceof EventContent.Member m
        && m.membership() == Membership.JOIN).count());
    assertTrue(updates(alice).rooms().stream().anyMatch(u -> u.room().id().equals(room.id())));
    Room none = core.admin().privateRooms().create(new PrivateRooms.Create(admin, ids(alice), Optional.empty(),
        Optional.of(0)));
    assertEquals(0, none.broadcastChannels());
  }

  @Test
  void privateRoomCreationRefusesBadInput() {
    Caller alice = player("alice");
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= limits().privateRoomCapacity(); i++) tooMany.add(TestIds.account().value());
    assertThrows(InvalidInputException.class, () -> core.admin().privateRooms().create(
        new PrivateRooms.Create(admin, List.of(), Optional.empty(), Optional.empty())));
    assertThrows(InvalidInputException.class, () -> core.admin().privateRooms().create(
        new PrivateRooms.Create(admin, tooMany, Optional.empty(), Optional.empty())));
    assertThrows(InvalidInputException.class, () -> core.admin().privateRooms().create(
        new PrivateRooms.Create(admin, List.of("nope"), Optional.empty(), Optional.empty())));
    assertThrows(InvalidInputException.class, () -> core.admin().privateRooms().create(
        new PrivateRooms.Create(admin, ids(alice), Optional.empty(), Optional.of(256))));
    assertThrows(ForbiddenException.class, () -> core.admin().privateRooms().create(
        new PrivateRooms.Create(alice, ids(alice), Optional.empty(), Optional.empty())));
    assertEquals(List.of(), storage.rooms().listByType(RoomType.PRIVATE));
  }

  @Test
  void updatingMembersPublishesTheDifferenceAndKeepsTheRest() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Caller carol = player("carol");
    Room room = core.admin().privateRooms().create(new PrivateRooms.Create(admin, ids(alice, bob), Optional.empty(),
        Optional.empty()));
    EventId before = storage.events().head();
    PrivateRooms.Updated u = core.admin().privateRooms().update(new PrivateRooms.Update(admin, room.id(),
        ids(bob, carol), Optional.of(new dev.chatcore.domain.event.JsonObjectText("{\"level\":2}"))));
    assertEquals(java.util.Set.of(bob.id(), carol.id()), joined(room.id()));
    List<EventContent> changes = storage.events().readAfter(before, java.util.Set.of(room.id()), 100).events().stream()
        .map(Event::content).toList();
    assertEquals(List.of(new EventContent.Member(alice.id(), Membership.LEAVE),
        new EventContent.Member(carol.id(), Membership.JOIN)), changes);
    assertEquals("{\"level\":2}", u.room().orElseThrow().data().orElseThrow().json());
    assertEquals("{\"level\":2}", storage.rooms().find(room.id()).orElseThrow().data().orElseThrow().json());
    assertTrue(updates(alice).rooms().stream().noneMatch(x -> x.room().id().equals(room.id())), "alice is out");
    RoomId dm = room(RoomType.DM, alice, bob);
    assertThrows(InvalidInputException.class, () -> core.admin().privateRooms().update(
        new PrivateRooms.Update(admin, dm, ids(alice), Optional.empty())), "only private rooms");
    assertThrows(NotFoundException.class, () -> core.admin().privateRooms().update(
        new PrivateRooms.Update(admin, TestIds.room(), ids(alice), Optional.empty())));
  }

  @Test
  void anEmptyMemberListDeletesTheRoomAndItsMessages() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Room room = core.admin().privateRooms().create(new PrivateRooms.Create(admin, ids(alice, bob), Optional.empty(),
        Optional.empty()));
    for (int i = 0; i < 3; i++) {
      core.chat().postChatMessage().post(new PostChatMessage.Command(alice, room.id(), "m" + i, Optional.empty()));
    }
    PrivateRooms.Updated u = core.admin().privateRooms().update(new PrivateRooms.Update(admin, room.id(), List.of(),
        Optional.empty()));
    assertTrue(u.room().isEmpty());
    assertEquals(3, u.messagesDeleted());
    assertTrue(storage.rooms().find(room.id()).orElseThrow().isDeleted());
    assertTrue(stream(room.id()).getLast().content() instanceof EventContent.RoomDeleted);
    assertThrows(NotFoundException.class, () -> core.admin().privateRooms().update(
        new PrivateRooms.Update(admin, room.id(), ids(alice), Optional.empty())));
  }

  @Test
  void concurrentMemberUpdatesEndInOneOfTheRequestedSets() throws Exception {
    List<Caller> players = new ArrayList<>();
    for (int i = 0; i < 12; i++) players.add(player("p" + i));
    Room room = core.admin().privateRooms().create(new PrivateRooms.Create(admin, List.of(players.get(0).id().value()),
        Optional.empty(), Optional.empty()));
    List<java.util.Set<dev.chatcore.domain.id.AccountId>> sets = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      java.util.Set<dev.chatcore.domain.id.AccountId> set = new java.util.TreeSet<>();
      for (int i = t; i < t + 4; i++) set.add(players.get(i).id());
      sets.add(set);
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (java.util.Set<dev.chatcore.domain.id.AccountId> set : sets) {
      done.add(pool.submit(() -> {
        start.await();
        for (int i = 0; i < 5; i++) {
          core.admin().privateRooms().update(new PrivateRooms.Update(admin, room.id(),
              set.stream().map(dev.chatcore.domain.id.AccountId::value).toList(), Optional.empty()));
        }
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) f.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    java.util.Set<dev.chatcore.domain.id.AccountId> end = joined(room.id());
    assertTrue(sets.contains(end), "the room holds exactly one requested set: " + end);
    assertEquals(4, storage.memberships().count(room.id(), dev.chatcore.domain.room.MemberState.JOINED));
  }

  @Test
  void adminsListChatRoomsByIdAccountOrAll() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    Room guild = core.admin().privateRooms().create(new PrivateRooms.Create(admin, ids(alice), Optional.empty(),
        Optional.empty()));
    RoomId dm = room(RoomType.DM, alice, bob);
    channel("lobby");
    ListAdminRooms.Page all = core.admin().listRooms().list(new ListAdminRooms.Query(admin, Optional.empty(),
        Optional.empty(), 0));
    assertEquals(List.of(global, guild.id(), dm), all.rooms().stream().map(l -> l.room().id()).toList(),
        "Global, Private, DM; no /v1 channels");
    assertEquals(List.of(alice.id()), all.rooms().get(0).members());
    assertEquals(List.of(global, guild.id(), dm), core.admin().listRooms().list(new ListAdminRooms.Query(admin,
        Optional.empty(), Optional.of(alice.id()), 0)).rooms().stream().map(l -> l.room().id()).toList());
    assertEquals(List.of(dm), core.admin().listRooms().list(new ListAdminRooms.Query(admin, Optional.empty(),
        Optional.of(bob.id()), 0)).rooms().stream().map(l -> l.room().id()).toList());
    assertEquals(List.of(guild.id()), core.admin().listRooms().list(new ListAdminRooms.Query(admin,
        Optional.of(guild.id()), Optional.empty(), 0)).rooms().stream().map(l -> l.room().id()).toList());
    assertThrows(ForbiddenException.class, () -> core.admin().listRooms().list(new ListAdminRooms.Query(alice,
        Optional.empty(), Optional.empty(), 0)));
  }

  private AdminMessages.Page messages(Optional<RoomId> room, Optional<dev.chatcore.domain.id.AccountId> account,
      Optional<String> id, Optional<String> term, int page) {
    return core.admin().messages().list(new AdminMessages.Query(admin, room, account, id, term, page));
  }

  @Test
  void adminsListMessagesWithHackedOnesApart() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    core.chat().placeInGlobalRoom().place(bob.id());
    String a1 = core.chat().postChatMessage().post(new PostChatMessage.Command(alice, global, "one", Optional.empty())).id();
    String b1 = core.chat().postChatMessage().post(new PostChatMessage.Command(bob, global, "two", Optional.empty())).id();
    var hacked = core.chat().postChatMessage().post(new PostChatMessage.Command(alice, TestIds.room(), "sneaky",
        Optional.empty()));
    assertTrue(hacked.hacked());
    AdminMessages.Page all = messages(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0);
    assertEquals(List.of(b1, a1), all.messages().stream().map(e -> e.id().toString()).toList());
    assertEquals(List.of(hacked.id()), all.hacked().stream().map(h -> h.id()).toList());
    AdminMessages.Page byAlice = messages(Optional.empty(), Optional.of(alice.id()), Optional.empty(), Optional.empty(), 0);
    assertEquals(List.of(a1), byAlice.messages().stream().map(e -> e.id().toString()).toList());
    assertEquals(1, byAlice.hacked().size());
    assertEquals(List.of(b1), messages(Optional.empty(), Optional.empty(), Optional.of(b1), Optional.empty(), 0)
        .messages().stream().map(e -> e.id().toString()).toList());
    assertEquals(List.of(hacked.id()), messages(Optional.empty(), Optional.empty(), Optional.of(hacked.id()),
        Optional.empty(), 0).hacked().stream().map(h -> h.id()).toList());
    assertThrows(ForbiddenException.class, () -> core.admin().messages().list(new AdminMessages.Query(alice,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), 0)));
  }

  @Test
  void searchIsALiteralCaseInsensitiveSubstringPaged() {
    Caller alice = player("alice");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    for (int i = 0; i < 105; i++) {
      core.chat().postChatMessage().post(new PostChatMessage.Command(alice, global, "Gold #" + i, Optional.empty()));
    }
    core.chat().postChatMessage().post(new PostChatMessage.Command(alice, global, "silver [x]", Optional.empty()));
    AdminMessages.Page first = messages(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("gOLD"), 0);
    assertEquals(100, first.messages().size());
    assertEquals(5, first.remaining());
    assertEquals(5, messages(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("gold"), 1).messages().size());
    assertEquals(1, messages(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("[x]"), 0).messages().size());
    assertEquals(0, messages(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(".*"), 0).messages().size());
    assertThrows(InvalidInputException.class, () -> messages(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of("  "), 0));
  }

  @Test
  void aDeletedMessageIsARedactionAndGoneFromHistoryAndUnread() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    core.chat().placeInGlobalRoom().place(bob.id());
    String bad = core.chat().postChatMessage().post(new PostChatMessage.Command(bob, global, "bad", Optional.empty())).id();
    core.chat().postChatMessage().post(new PostChatMessage.Command(bob, global, "fine", Optional.empty()));
    core.admin().messages().delete(admin, bad);
    assertEquals(List.of("fine"), unreadTexts(updates(alice), global));
    Event last = stream(global).getLast();
    assertEquals(new EventContent.Redaction(EventId.parse(bad, "id")), last.content());
    assertThrows(NotFoundException.class, () -> core.admin().messages().delete(admin, bad));
    assertThrows(InvalidInputException.class, () -> core.admin().messages().delete(admin, "nope"));
    assertThrows(ForbiddenException.class, () -> core.admin().messages().delete(alice, bad));
  }

  private Event edit(String id, Optional<String> text, Optional<dev.chatcore.domain.event.JsonObjectText> context,
      Optional<Instant> expiration) {
    return ((EditMessage.Edited.Message) core.admin().editMessage().edit(new EditMessage.Command(admin, id, text,
        context, expiration))).event();
  }

  @Test
  void anAnnouncementIsEditedLikeAMessageAndStaysAnAnnouncement() {
    Caller alice = player("alice");
    Broadcast.Sent sent = broadcast(announcement("maintenence at noon")).getFirst();
    clock.advance(Duration.ofMinutes(1));
    Instant later = clock.instant().plus(Duration.ofDays(3));
    var context = Optional.of(new dev.chatcore.domain.event.JsonObjectText("{\"level\":2}"));
    EditMessage.Edited edited = core.admin().editMessage().edit(new EditMessage.Command(admin, sent.id(),
        Optional.of("maintenance at noon"), context, Optional.of(later)));
    Announcement fixed = ((EditMessage.Edited.Announced) edited).announcement();
    assertEquals(new Announcement(sent.id(), admin.id(), "maintenance at noon", context, sent.createdAt(), later,
        Optional.of(clock.instant()), Optional.of(admin.id())), fixed);
    List<Announcement> seen = core.chat().readRoomUpdates().read(new ReadRoomUpdates.Query(alice,
        LastRead.of(Optional.empty(), clock.instant()))).announcements();
    assertEquals(List.of(fixed), seen, "players get the edited announcement, still an announcement");
    assertThrows(InvalidInputException.class, () -> core.admin().editMessage().edit(new EditMessage.Command(admin,
        sent.id(), Optional.of("maintenance at noon"), Optional.empty(), Optional.empty())), "nothing changes");
    assertThrows(InvalidInputException.class, () -> core.admin().editMessage().edit(new EditMessage.Command(admin,
        sent.id(), Optional.of(" "), Optional.of(new dev.chatcore.domain.event.JsonObjectText("{}")), Optional.empty())));
    assertThrows(ForbiddenException.class, () -> core.admin().editMessage().edit(new EditMessage.Command(alice,
        sent.id(), Optional.of("mine now"), Optional.empty(), Optional.empty())));
  }

  @Test
  void anAdminEditIsAnMEditAndComesBackAsUnread() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = core.chat().placeInGlobalRoom().place(alice.id()).id();
    core.chat().placeInGlobalRoom().place(bob.id());
    var posted = core.chat().postChatMessage().post(new PostChatMessage.Command(bob, global, "bda word", Optional.empty()));
    clock.advance(Duration.ofMinutes(10));
    LastRead afterPost = LastRead.of(Optional.of(clock.instant().getEpochSecond()), clock.instant());
    assertEquals(List.of(), unreadOf(alice, afterPost, global));
    clock.advance(Duration.ofMinutes(1));
    Event edited = edit(posted.id(), Optional.of("bad word"), Optional.empty(), Optional.empty());
    assertEquals(Optional.of(clock.instant()), edited.updatedAt());
    assertEquals(Optional.of(admin.id()), edited.editedBy());
    assertEquals(bob.id(), edited.sender(), "the author stays");
    assertEquals(posted.expiresAt(), edited.expiresAt(), "the expiry stays unless given");
    assertEquals(List.of("bad word"), unreadOf(alice, afterPost, global), "players get the edit as unread");
    Event last = stream(global).getLast();
    assertEquals(new EventContent.Edit(EventId.parse(posted.id(), "id"), "bad word", Optional.empty()), last.content());
    assertEquals("bad word", ((EventContent.Message) storage.events().find(EventId.parse(posted.id(), "id"))
        .orElseThrow().content()).text(), "history shows the new text");
    Instant later = clock.instant().plus(Duration.ofDays(30));
    assertEquals(Optional.of(later), edit(posted.id(), Optional.empty(), Optional.empty(), Optional.of(later)).expiresAt());
    assertThrows(InvalidInputException.class, () -> edit(posted.id(), Optional.of("bad word"), Optional.empty(),
        Optional.empty()), "nothing changes");
    assertThrows(InvalidInputException.class, () -> edit(posted.id(), Optional.of(" "), Optional.empty(),
        Optional.empty()));
    assertThrows(InvalidInputException.class, () -> edit(posted.id(), Optional.empty(), Optional.empty(),
        Optional.of(clock.instant())));
    assertThrows(NotFoundException.class, () -> edit("00000000000000000000ffff", Optional.of("x"), Optional.empty(),
        Optional.empty()));
    assertThrows(ForbiddenException.class, () -> core.admin().editMessage().edit(new EditMessage.Command(alice,
        posted.id(), Optional.of("mine now"), Optional.empty(), Optional.empty())));
  }

  private List<String> unreadOf(Caller who, LastRead lastRead, RoomId room) {
    return unreadTexts(core.chat().readRoomUpdates().read(new ReadRoomUpdates.Query(who, lastRead)), room);
  }
}
