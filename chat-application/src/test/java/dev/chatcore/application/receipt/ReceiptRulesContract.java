package dev.chatcore.application.receipt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.Concurrently;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.application.message.HistoryPage;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Read receipts: forward only, unread counts and read_by, over any storage. */
public abstract class ReceiptRulesContract extends CoreFixture {

  private EventId read(Caller who, RoomId room, EventId upTo) {
    return core.postReceipt().post(new PostReceipt.Command(who, room, upTo));
  }

  private long unread(Caller who, RoomId room) {
    return core.getRoom().get(who, room).unreadCount();
  }

  private List<EventContent.Receipt> receiptEvents(RoomId room) {
    return stream(room).stream()
        .map(Event::content)
        .filter(c -> c instanceof EventContent.Receipt)
        .map(c -> (EventContent.Receipt) c)
        .toList();
  }

  @Test
  void aReceiptNeverMovesBackwards() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    EventId m1 = say(admin, lobby, "1");
    say(admin, lobby, "2");
    EventId m3 = say(admin, lobby, "3");
    assertEquals(m3, read(alice, lobby, m3));
    assertEquals(m3, read(alice, lobby, m1), "an earlier receipt leaves the later one");
    assertEquals(m3, read(alice, lobby, m3));
    assertEquals(List.of(new EventContent.Receipt(alice.id(), m3)), receiptEvents(lobby));
  }

  @Test
  void unreadCountsOthersMessagesAfterTheLaterOfReceiptAndJoining() {
    RoomId lobby = channel("lobby");
    say(admin, lobby, "before alice");
    Caller alice = player("alice");
    assertEquals(0, unread(alice, lobby), "a new account starts at 0");
    EventId a = say(admin, lobby, "a");
    say(alice, lobby, "mine");
    EventId b = say(admin, lobby, "b");
    say(admin, lobby, "c");
    assertEquals(3, unread(alice, lobby));
    read(alice, lobby, a);
    assertEquals(2, unread(alice, lobby));
    read(alice, lobby, b);
    assertEquals(1, unread(alice, lobby));
  }

  @Test
  void readByCountsMembersWhoseReceiptIsAtOrAfterTheMessage() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    Caller bob = player("bob");
    EventId m1 = say(admin, lobby, "1");
    EventId m2 = say(admin, lobby, "2");
    EventId m3 = say(admin, lobby, "3");
    read(alice, lobby, m3);
    read(bob, lobby, m2);
    HistoryPage page =
        core.readHistory()
            .read(
                new ReadHistory.Query(
                    admin, lobby, Optional.empty(), Direction.FORWARD, OptionalInt.empty()));
    assertEquals(2, page.summary(m1).readBy());
    assertEquals(2, page.summary(m2).readBy());
    assertEquals(1, page.summary(m3).readBy());
    core.leaveRoom().leave(new LeaveRoom.Command(alice, lobby));
    HistoryPage after =
        core.readHistory()
            .read(
                new ReadHistory.Query(
                    admin, lobby, Optional.empty(), Direction.FORWARD, OptionalInt.empty()));
    assertEquals(0, after.summary(m3).readBy(), "read_by counts members only");
  }

  @Test
  void receiptsNameAMessageOfTheRoomAndNeedMembership() {
    RoomId lobby = channel("lobby");
    RoomId other = channel("other");
    Caller alice = player("alice");
    EventId elsewhere = say(admin, other, "x");
    EventId created = stream(lobby).getFirst().id();
    assertThrows(NotFoundException.class, () -> read(alice, lobby, elsewhere));
    assertThrows(NotFoundException.class, () -> read(alice, lobby, created));
    assertThrows(NotFoundException.class, () -> read(alice, lobby, new EventId(1_000_000)));
    EventId mine = say(admin, lobby, "y");
    core.leaveRoom().leave(new LeaveRoom.Command(alice, lobby));
    assertThrows(ForbiddenException.class, () -> read(alice, lobby, mine));
  }

  @Test
  void concurrentReceiptsFromManyAccountsEndAtEachOnesLatestAndOnlyMoveForward() throws Exception {
    RoomId lobby = channel("lobby");
    List<EventId> messages = new ArrayList<>();
    for (int i = 0; i < 20; i++) messages.add(say(admin, lobby, "m" + i));
    List<Caller> readers = new ArrayList<>();
    List<Callable<EventId>> tasks = new ArrayList<>();
    Map<AccountId, EventId> latest = new HashMap<>();
    Random random = new Random(7);
    for (int r = 0; r < 12; r++) {
      Caller reader = player("r" + r);
      readers.add(reader);
      for (int k = 0; k < 15; k++) {
        EventId upTo = messages.get(random.nextInt(messages.size()));
        latest.merge(reader.id(), upTo, (x, y) -> x.compareTo(y) >= 0 ? x : y);
        tasks.add(() -> read(reader, lobby, upTo));
      }
    }
    Collections.shuffle(tasks, random);
    assertTrue(Concurrently.run(8, tasks).stream().allMatch(Concurrently.Outcome::ok));
    for (Caller reader : readers) {
      assertEquals(
          Optional.of(latest.get(reader.id())), storage.receipts().find(lobby, reader.id()));
      EventId previous = EventId.ORIGIN;
      for (EventContent.Receipt receipt : receiptEvents(lobby)) {
        if (!receipt.user().equals(reader.id())) continue;
        assertTrue(
            receipt.upTo().isAfter(previous),
            "published receipts of one account only move forward");
        previous = receipt.upTo();
      }
      assertEquals(
          latest.get(reader.id()), previous, "the last published receipt is the stored one");
    }
    HistoryPage page =
        core.readHistory()
            .read(
                new ReadHistory.Query(
                    admin, lobby, Optional.empty(), Direction.FORWARD, OptionalInt.of(100)));
    for (EventId m : messages) {
      long expected = latest.values().stream().filter(r -> !m.isAfter(r)).count();
      assertEquals(expected, page.summary(m).readBy(), "read_by of " + m);
    }
  }
}
