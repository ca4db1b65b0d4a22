package dev.chatcore.application.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.Concurrently;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Private rooms that admins create, re-member and delete, and the admin list of chat rooms. */
public abstract class AdminRoomsContract extends AdminFixture {
  private List<String> ids(Caller... callers) {
    return Arrays.stream(callers).map(c -> c.id().value()).toList();
  }

  private Set<AccountId> joined(RoomId room) {
    Set<AccountId> out = new TreeSet<>();
    for (var m : storage.memberships().inState(room, MemberState.JOINED, Optional.empty(), 1000)) {
      out.add(m.account());
    }
    return out;
  }

  @Test
  void adminsCreatePrivateRoomsWithMemberEvents() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Room room =
        core.createPrivateRoom()
            .create(
                new CreatePrivateRoom.Command(
                    admin,
                    ids(alice, bob, alice),
                    Optional.of(new JsonObjectText("{\"guild\":\"wolves\"}")),
                    Optional.empty()));
    assertEquals(RoomType.PRIVATE, room.type());
    assertEquals(CreatePrivateRoom.GUILD_CHANNEL, room.broadcastChannels(), "Guild by default");
    assertEquals(Set.of(alice.id(), bob.id()), joined(room.id()));
    List<Event> events = stream(room.id());
    assertTrue(events.getFirst().content() instanceof EventContent.RoomCreated);
    assertEquals(
        2,
        events.stream()
            .filter(
                e ->
                    e.content() instanceof EventContent.Member m
                        && m.membership() == Membership.JOIN)
            .count());
    assertTrue(updates(alice).rooms().stream().anyMatch(u -> u.room().id().equals(room.id())));
    Room none =
        core.createPrivateRoom()
            .create(
                new CreatePrivateRoom.Command(admin, ids(alice), Optional.empty(), Optional.of(0)));
    assertEquals(0, none.broadcastChannels());
  }

  @Test
  void privateRoomCreationRefusesBadInput() {
    Caller alice = player("alice");
    List<String> tooMany = new ArrayList<>();
    for (int i = 0; i <= limits().privateRoomCapacity(); i++)
      tooMany.add(TestIds.account().value());
    assertThrows(
        InvalidInputException.class,
        () ->
            core.createPrivateRoom()
                .create(
                    new CreatePrivateRoom.Command(
                        admin, List.of(), Optional.empty(), Optional.empty())));
    assertThrows(
        InvalidInputException.class,
        () ->
            core.createPrivateRoom()
                .create(
                    new CreatePrivateRoom.Command(
                        admin, tooMany, Optional.empty(), Optional.empty())));
    assertThrows(
        InvalidInputException.class,
        () ->
            core.createPrivateRoom()
                .create(
                    new CreatePrivateRoom.Command(
                        admin, List.of("nope"), Optional.empty(), Optional.empty())));
    assertThrows(
        InvalidInputException.class,
        () ->
            core.createPrivateRoom()
                .create(
                    new CreatePrivateRoom.Command(
                        admin, ids(alice), Optional.empty(), Optional.of(256))));
    assertThrows(
        ForbiddenException.class,
        () ->
            core.createPrivateRoom()
                .create(
                    new CreatePrivateRoom.Command(
                        alice, ids(alice), Optional.empty(), Optional.empty())));
    assertEquals(List.of(), storage.rooms().listByType(RoomType.PRIVATE));
  }

  @Test
  void updatingMembersPublishesTheDifferenceAndKeepsTheRest() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Caller carol = player("carol");
    Room room =
        core.createPrivateRoom()
            .create(
                new CreatePrivateRoom.Command(
                    admin, ids(alice, bob), Optional.empty(), Optional.empty()));
    EventId before = storage.events().head();
    UpdatePrivateRoom.Updated u =
        core.updatePrivateRoom()
            .update(
                new UpdatePrivateRoom.Command(
                    admin,
                    room.id(),
                    ids(bob, carol),
                    Optional.of(new JsonObjectText("{\"level\":2}"))));
    assertEquals(Set.of(bob.id(), carol.id()), joined(room.id()));
    List<EventContent> changes =
        storage.events().readAfter(before, Set.of(room.id()), 100).events().stream()
            .map(Event::content)
            .toList();
    assertEquals(
        List.of(
            new EventContent.Member(alice.id(), Membership.LEAVE),
            new EventContent.Member(carol.id(), Membership.JOIN)),
        changes);
    assertEquals("{\"level\":2}", u.room().orElseThrow().data().orElseThrow().json());
    assertEquals(
        "{\"level\":2}", storage.rooms().find(room.id()).orElseThrow().data().orElseThrow().json());
    assertTrue(
        updates(alice).rooms().stream().noneMatch(x -> x.room().id().equals(room.id())),
        "alice is out");
    RoomId dm = room(RoomType.DM, alice, bob);
    assertThrows(
        InvalidInputException.class,
        () ->
            core.updatePrivateRoom()
                .update(new UpdatePrivateRoom.Command(admin, dm, ids(alice), Optional.empty())),
        "only private rooms");
    assertThrows(
        NotFoundException.class,
        () ->
            core.updatePrivateRoom()
                .update(
                    new UpdatePrivateRoom.Command(
                        admin, TestIds.room(), ids(alice), Optional.empty())));
  }

  @Test
  void anEmptyMemberListDeletesTheRoomAndItsMessages() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Room room =
        core.createPrivateRoom()
            .create(
                new CreatePrivateRoom.Command(
                    admin, ids(alice, bob), Optional.empty(), Optional.empty()));
    for (int i = 0; i < 3; i++) {
      post(alice, room.id(), "m" + i);
    }
    UpdatePrivateRoom.Updated u =
        core.updatePrivateRoom()
            .update(new UpdatePrivateRoom.Command(admin, room.id(), List.of(), Optional.empty()));
    assertTrue(u.room().isEmpty());
    assertEquals(3, u.messagesDeleted());
    assertTrue(storage.rooms().find(room.id()).orElseThrow().isDeleted());
    assertTrue(stream(room.id()).getLast().content() instanceof EventContent.RoomDeleted);
    assertThrows(
        NotFoundException.class,
        () ->
            core.updatePrivateRoom()
                .update(
                    new UpdatePrivateRoom.Command(admin, room.id(), ids(alice), Optional.empty())));
  }

  @Test
  void concurrentMemberUpdatesEndInOneOfTheRequestedSets() throws Exception {
    List<Caller> players = new ArrayList<>();
    for (int i = 0; i < 12; i++) players.add(player("p" + i));
    Room room =
        core.createPrivateRoom()
            .create(
                new CreatePrivateRoom.Command(
                    admin,
                    List.of(players.get(0).id().value()),
                    Optional.empty(),
                    Optional.empty()));
    List<Set<AccountId>> sets = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Set<AccountId> set = new TreeSet<>();
      for (int i = t; i < t + 4; i++) set.add(players.get(i).id());
      sets.add(set);
    }
    List<Callable<Void>> tasks = new ArrayList<>();
    for (Set<AccountId> set : sets) {
      tasks.add(
          () -> {
            for (int i = 0; i < 5; i++) {
              core.updatePrivateRoom()
                  .update(
                      new UpdatePrivateRoom.Command(
                          admin,
                          room.id(),
                          set.stream().map(AccountId::value).toList(),
                          Optional.empty()));
            }
            return null;
          });
    }
    assertTrue(Concurrently.run(8, tasks).stream().allMatch(Concurrently.Outcome::ok));
    Set<AccountId> end = joined(room.id());
    assertTrue(sets.contains(end), "the room holds exactly one requested set: " + end);
    assertEquals(4, storage.memberships().count(room.id(), MemberState.JOINED));
  }

  @Test
  void adminsListChatRoomsByIdAccountOrAll() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId global = globalRoom(alice);
    Room guild =
        core.createPrivateRoom()
            .create(
                new CreatePrivateRoom.Command(
                    admin, ids(alice), Optional.empty(), Optional.empty()));
    RoomId dm = room(RoomType.DM, alice, bob);
    channel("lobby");
    ListAdminRooms.Page all =
        core.listAdminRooms()
            .list(new ListAdminRooms.Query(admin, Optional.empty(), Optional.empty(), 0));
    assertEquals(
        List.of(global, guild.id(), dm),
        all.rooms().stream().map(l -> l.room().id()).toList(),
        "Global, Private, DM; no /v1 channels");
    assertEquals(List.of(alice.id()), all.rooms().get(0).members());
    assertEquals(
        List.of(global, guild.id(), dm),
        core
            .listAdminRooms()
            .list(new ListAdminRooms.Query(admin, Optional.empty(), Optional.of(alice.id()), 0))
            .rooms()
            .stream()
            .map(l -> l.room().id())
            .toList());
    assertEquals(
        List.of(dm),
        core
            .listAdminRooms()
            .list(new ListAdminRooms.Query(admin, Optional.empty(), Optional.of(bob.id()), 0))
            .rooms()
            .stream()
            .map(l -> l.room().id())
            .toList());
    assertEquals(
        List.of(guild.id()),
        core
            .listAdminRooms()
            .list(new ListAdminRooms.Query(admin, Optional.of(guild.id()), Optional.empty(), 0))
            .rooms()
            .stream()
            .map(l -> l.room().id())
            .toList());
    assertThrows(
        ForbiddenException.class,
        () ->
            core.listAdminRooms()
                .list(new ListAdminRooms.Query(alice, Optional.empty(), Optional.empty(), 0)));
  }
}
