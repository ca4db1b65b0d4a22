package dev.chatcore.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.application.Caller;
import dev.chatcore.application.chat.RoomUpdates;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Admin broadcasts into rooms and channels: who sees them, when they expire, what is refused. */
public abstract class AdminBroadcastsContract extends AdminFixture {
  private static Broadcast.Item toRoom(RoomId room, String text) {
    return new Broadcast.Item(Optional.of(room), 0, Optional.empty(), text, Optional.empty());
  }

  private RoomId guildRoom(Caller... members) {
    RoomId id = room(RoomType.PRIVATE, members);
    Room r = storage.rooms().find(id).orElseThrow();
    // private rooms made here carry the Guild channel, as the admin API gives them by default
    storage.rooms().markDeleted(id, storage.events().head());
    RoomId guild = TestIds.room();
    storage
        .rooms()
        .create(
            new Room(
                guild,
                RoomType.PRIVATE,
                r.name(),
                r.topic(),
                r.createdAt(),
                0,
                2,
                r.data(),
                r.createdBy(),
                Optional.empty()));
    for (Caller m : members) {
      storage
          .memberships()
          .put(
              new RoomMember(
                  guild, m.id(), MemberState.JOINED, clock.instant(), storage.events().head()));
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
    assertEquals(
        List.of("guild event"),
        unreadTexts(u, guild),
        "admin messages show although the admin is no member");
    assertEquals(List.of("dm notice"), unreadTexts(u, dm));
    Event event = storage.events().find(EventId.parse(sent.get(0).id(), "id")).orElseThrow();
    assertEquals(guild, event.room());
    var page =
        core.readHistory()
            .read(
                new ReadHistory.Query(
                    alice, guild, Optional.empty(), Direction.BACKWARD, OptionalInt.empty()));
    assertEquals(1, page.chunk().size(), "/v1 history shows it");
  }

  @Test
  void broadcastsExpireAfterTwoWeeksUnlessTheAdminSetsATime() {
    Caller alice = player("alice");
    RoomId guild = guildRoom(alice);
    Instant now = clock.instant();
    assertEquals(
        now.plus(Duration.ofDays(14)), broadcast(toRoom(guild, "a")).getFirst().expiresAt());
    Instant at = now.plus(Duration.ofHours(3));
    Broadcast.Sent explicit =
        core.broadcast()
            .broadcast(
                new Broadcast.Command(
                    admin, List.of(toRoom(guild, "b"), announcement("c")), Optional.of(at)))
            .getFirst();
    assertEquals(at, explicit.expiresAt());
    assertEquals(
        Optional.of(at),
        storage.events().find(EventId.parse(explicit.id(), "id")).orElseThrow().expiresAt());
    assertThrows(
        InvalidInputException.class,
        () ->
            core.broadcast()
                .broadcast(
                    new Broadcast.Command(admin, List.of(toRoom(guild, "d")), Optional.of(now))));
  }

  @Test
  void aChannelBroadcastGoesToEachMatchingRoomOfTheAccountButNeverToDms() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoom(alice);
    RoomId guild = guildRoom(alice, bob);
    RoomId dm = room(RoomType.DM, alice, bob);
    List<Broadcast.Sent> all =
        broadcast(
            new Broadcast.Item(
                Optional.empty(), 255, Optional.of(alice.id()), "all", Optional.empty()));
    assertEquals(
        List.of(global, guild).stream().sorted().toList(),
        all.stream().map(s -> s.room().orElseThrow()).sorted().toList());
    List<Broadcast.Sent> globalOnly =
        broadcast(
            new Broadcast.Item(
                Optional.empty(), 1, Optional.of(alice.id()), "g", Optional.empty()));
    assertEquals(List.of(global), globalOnly.stream().map(s -> s.room().orElseThrow()).toList());
    List<Broadcast.Sent> guildOnly =
        broadcast(
            new Broadcast.Item(
                Optional.empty(), 2, Optional.of(alice.id()), "guild", Optional.empty()));
    assertEquals(List.of(guild), guildOnly.stream().map(s -> s.room().orElseThrow()).toList());
    assertEquals(List.of(), unreadTexts(updates(alice), dm));
  }

  @Test
  void aRefusedBroadcastWritesNothing() {
    Caller alice = player("alice");
    RoomId guild = guildRoom(alice);
    EventId head = storage.events().head();
    assertThrows(
        InvalidInputException.class,
        () ->
            broadcast(
                toRoom(guild, "ok"),
                new Broadcast.Item(
                    Optional.empty(), 2, Optional.empty(), "no account", Optional.empty())));
    assertThrows(
        InvalidInputException.class,
        () ->
            broadcast(
                new Broadcast.Item(
                    Optional.empty(),
                    2,
                    Optional.of(TestIds.account()),
                    "nobody's rooms",
                    Optional.empty())));
    assertThrows(InvalidInputException.class, () -> broadcast(toRoom(guild, "  ")));
    assertThrows(
        InvalidInputException.class,
        () ->
            broadcast(
                new Broadcast.Item(
                    Optional.empty(),
                    256,
                    Optional.of(alice.id()),
                    "bad flags",
                    Optional.empty())));
    assertThrows(
        NotFoundException.class,
        () -> broadcast(toRoom(TestIds.room(), "unknown room"), announcement("x")));
    assertThrows(
        InvalidInputException.class,
        () ->
            core.broadcast().broadcast(new Broadcast.Command(admin, List.of(), Optional.empty())));
    assertThrows(
        ForbiddenException.class,
        () ->
            core.broadcast()
                .broadcast(
                    new Broadcast.Command(
                        alice, List.of(announcement("player")), Optional.empty())));
    assertEquals(head, storage.events().head());
    assertEquals(List.of(), storage.announcements().active(clock.instant()));
  }
}
