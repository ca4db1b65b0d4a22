package dev.chatcore.application.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.GatedStorage;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.Events;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A reader's filter narrows its scope to the rooms it names and changes nothing else: the filtered
 * scope, which reads only the named rooms, includes exactly the events of those rooms that the
 * whole scope includes, from every cursor, across every kind of room and membership (open, left,
 * deleted late and early channels, with a post stored after the deletion; private rooms joined,
 * kicked from and never joined; a DM).
 */
public abstract class ScopeFilterContract extends CoreFixture {
  private int posted;

  @Test
  void aFilteredScopeIsTheWholeScopeNarrowedToTheFilterFromEveryCursor() {
    Caller reader = player("reader");
    Caller other = player("other");
    RoomId open = channel("open");
    RoomId left = channel("left");
    RoomId deletedLate = channel("deleted-late");
    RoomId deletedEarly = channel("deleted-early");
    RoomId joined = room(RoomType.PRIVATE, reader, other);
    RoomId kicked = room(RoomType.PRIVATE, reader, other);
    RoomId stranger = room(RoomType.PRIVATE, other);
    RoomId dm = room(RoomType.DM, reader, other);
    Set<RoomId> every = Set.of(open, left, deletedLate, deletedEarly, joined, kicked, stranger, dm);
    post(admin, open, deletedEarly, left, deletedLate);
    post(other, joined, kicked, stranger, dm);
    core.deleteRoom().delete(admin, deletedEarly);
    core.leaveRoom().leave(new LeaveRoom.Command(reader, left));
    post(admin, open, left, deletedLate);
    core.kickMember().kick(new KickMember.Command(admin, kicked, reader.id()));
    post(other, joined, kicked, stranger, dm);
    core.deleteRoom().delete(admin, deletedLate);
    // a post that raced the deletion and was stored after it: no reader may see it
    storage.events().append(Events.message(deletedLate, "too late"));
    storage.events().append(Events.message(deletedEarly, "too late"));
    post(admin, open);
    post(other, joined, dm);

    RoomAccess access =
        new RoomAccess(storage.rooms(), storage.memberships(), storage.globalRooms());
    Account account = storage.accounts().find(reader.id()).orElseThrow();
    List<Event> log = storage.events().readAfter(EventId.ORIGIN, every, 10_000).events();
    List<Set<RoomId>> filters =
        List.of(
            every,
            Set.of(open),
            Set.of(left, deletedLate),
            Set.of(deletedEarly, stranger),
            Set.of(joined, kicked, dm),
            Set.of(RoomId.parse("0123456789abcdef01234567", "room")));
    int compared = 0;
    for (EventId since : cursors(log)) {
      SyncScope whole = access.scopeFor(account, false, since, Optional.empty());
      for (Set<RoomId> filter : filters) {
        SyncScope narrow = access.scopeFor(account, false, since, Optional.of(filter));
        Set<RoomId> expectedRooms = new HashSet<>(whole.rooms());
        expectedRooms.retainAll(filter);
        assertEquals(expectedRooms, narrow.rooms(), "rooms after " + since + " of " + filter);
        for (Event e : log) {
          boolean expected = filter.contains(e.room()) && whole.includes(e);
          assertEquals(expected, narrow.includes(e), e + " after " + since + " of " + filter);
          compared++;
        }
      }
    }
    assertTrue(log.size() > 20, log.size() + " events");
    assertTrue(compared > 1000, compared + " comparisons");
  }

  /**
   * A filtered sync paused where its scope reads the room (after it read the head) while the room
   * is deleted and a late post is stored after the deletion: the paused sync answers what it read,
   * and the next one delivers the deletion and not the late post. Nothing skipped, nothing twice.
   */
  @Test
  void aDeletionWhileAFilteredSyncReadsItsRoomIsDeliveredWithItsBound() throws Exception {
    GatedStorage gates = new GatedStorage();
    try (ChatCore gated = ChatCore.create(gates.wrap(storage), limits(), clock)) {
      RoomId room = channel("followed");
      Caller reader = player("reader");
      EventId start = storage.events().head();
      post(admin, room);
      GatedStorage.Gate gate = gates.arm("RoomRepository.find");
      CompletableFuture<CompletableFuture<SyncBatch>> first =
          CompletableFuture.supplyAsync(
              () -> GatedStorage.pausable(() -> gated.sync().sync(filtered(reader, start, room))));
      gate.awaitReached();
      try {
        deleteThenPostLate(room);
      } finally {
        gate.release();
      }
      SyncBatch paused = first.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);

      assertReadsDeletionWithoutLatePost(reader, room, start, paused);
    }
  }

  /** The control twin: the same deletion and late post, made before the sync starts. */
  @Test
  void aDeletionBeforeAFilteredSyncIsDeliveredWithItsBound() throws Exception {
    RoomId room = channel("followed");
    Caller reader = player("reader");
    EventId start = storage.events().head();
    post(admin, room);
    deleteThenPostLate(room);
    SyncBatch first = core.sync().sync(filtered(reader, start, room)).get(30, TimeUnit.SECONDS);

    assertReadsDeletionWithoutLatePost(reader, room, start, first);
  }

  private void deleteThenPostLate(RoomId room) {
    core.deleteRoom().delete(admin, room);
    storage.events().append(Events.message(room, "too late")); // a send that raced the deletion
  }

  private static Sync.Command filtered(Caller reader, EventId since, RoomId room) {
    return new Sync.Command(reader, since, Duration.ofSeconds(1), Optional.of(Set.of(room)));
  }

  /** Follows {@code first} to the head: the message, then the deletion, and nothing after it. */
  private void assertReadsDeletionWithoutLatePost(
      Caller reader, RoomId room, EventId start, SyncBatch first) throws Exception {
    List<Event> delivered = new ArrayList<>(first.events());
    EventId cursor = first.nextBatch();
    while (cursor.isAfter(start) && storage.events().head().isAfter(cursor)) {
      SyncBatch next = core.sync().sync(filtered(reader, cursor, room)).get(30, TimeUnit.SECONDS);
      delivered.addAll(next.events());
      if (!next.nextBatch().isAfter(cursor)) break;
      cursor = next.nextBatch();
    }
    List<String> kinds =
        delivered.stream()
            .map(
                e ->
                    e.content() instanceof EventContent.Message m
                        ? m.text()
                        : e.content().getClass().getSimpleName())
            .toList();
    assertEquals(List.of("message 1", "RoomDeleted"), kinds, "delivered: " + delivered);
  }

  /** Every position of the log as a cursor, and the origin. */
  private static List<EventId> cursors(List<Event> log) {
    List<EventId> cursors = new ArrayList<>(List.of(EventId.ORIGIN));
    log.forEach(e -> cursors.add(e.id()));
    return cursors;
  }

  private void post(Caller who, RoomId... rooms) {
    for (RoomId room : rooms) {
      clock.advance(Duration.ofSeconds(20)); // a message now and then, never spam
      core.sendMessage()
          .send(
              new SendMessage.Command(
                  who, room, "message " + ++posted, Optional.empty(), Optional.empty()));
    }
  }
}
