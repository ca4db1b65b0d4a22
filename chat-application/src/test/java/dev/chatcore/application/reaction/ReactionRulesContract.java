package dev.chatcore.application.reaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.Concurrently;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.CountingStorage;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.application.message.HistoryPage;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.receipt.PostReceipt;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.reaction.ReactionCount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/** Reactions: idempotent per (user, message, key), aggregated in history, over any storage. */
public abstract class ReactionRulesContract extends CoreFixture {

  private ReactionResult add(Caller who, RoomId room, EventId message, String key) {
    return core.addReaction().add(new AddReaction.Command(who, room, message, key));
  }

  private ReactionResult remove(Caller who, RoomId room, EventId message, String key) {
    return core.removeReaction().remove(new RemoveReaction.Command(who, room, message, key));
  }

  private List<EventContent.Reaction> reactionEvents(RoomId room) {
    return stream(room).stream()
        .map(Event::content)
        .filter(c -> c instanceof EventContent.Reaction)
        .map(c -> (EventContent.Reaction) c)
        .toList();
  }

  @Test
  void aRepeatedReactionChangesAndPublishesNothing() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    EventId message = say(admin, lobby, "hello");
    ReactionResult first = add(alice, lobby, message, " 👍 ");
    ReactionResult again = add(alice, lobby, message, "👍");
    assertTrue(first.changed());
    assertFalse(again.changed());
    assertEquals(List.of(new ReactionCount("👍", 1, true)), again.reactions());
    assertEquals(List.of(new EventContent.Reaction(message, "👍", true)), reactionEvents(lobby));
  }

  @Test
  void removingPublishesARemovalAndRemovingAgainNothing() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    EventId message = say(admin, lobby, "hello");
    add(alice, lobby, message, "👍");
    assertTrue(remove(alice, lobby, message, "👍").changed());
    ReactionResult again = remove(alice, lobby, message, "👍");
    assertFalse(again.changed());
    assertEquals(List.of(), again.reactions());
    assertEquals(
        List.of(
            new EventContent.Reaction(message, "👍", true),
            new EventContent.Reaction(message, "👍", false)),
        reactionEvents(lobby));
  }

  @Test
  void historyCarriesEachMessagesAggregateForTheReader() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    Caller bob = player("bob");
    EventId first = say(admin, lobby, "first");
    EventId second = say(admin, lobby, "second");
    add(alice, lobby, first, "👍");
    add(bob, lobby, first, "👍");
    add(bob, lobby, first, "ha");
    add(alice, lobby, second, "ha");
    HistoryPage page =
        core.readHistory()
            .read(
                new ReadHistory.Query(
                    alice, lobby, Optional.empty(), Direction.BACKWARD, OptionalInt.empty()));
    assertEquals(
        List.of(new ReactionCount("ha", 1, false), new ReactionCount("👍", 2, true)),
        page.summary(first).reactions());
    assertEquals(List.of(new ReactionCount("ha", 1, true)), page.summary(second).reactions());
  }

  @Test
  void badKeysAndTargetsAreRefused() {
    RoomId lobby = channel("lobby");
    RoomId other = channel("other");
    Caller alice = player("alice");
    EventId message = say(admin, lobby, "hello");
    EventId elsewhere = say(admin, other, "elsewhere");
    assertThrows(InvalidInputException.class, () -> add(alice, lobby, message, "   "));
    assertThrows(InvalidInputException.class, () -> add(alice, lobby, message, "x".repeat(33)));
    assertThrows(InvalidInputException.class, () -> add(alice, lobby, message, "a\u0000b"));
    add(alice, lobby, message, "y".repeat(32));
    assertThrows(
        NotFoundException.class,
        () -> add(alice, lobby, elsewhere, "👍"),
        "a message of another room");
    EventId created = stream(lobby).getFirst().id();
    assertThrows(NotFoundException.class, () -> add(alice, lobby, created, "👍"), "not a message");
    assertThrows(NotFoundException.class, () -> add(alice, lobby, new EventId(999_999), "👍"));
    core.leaveRoom().leave(new LeaveRoom.Command(alice, lobby));
    assertThrows(ForbiddenException.class, () -> add(alice, lobby, message, "👍"));
  }

  @Test
  void concurrentDuplicatesFromOneAccountPublishOnce() throws Exception {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    EventId message = say(admin, lobby, "hello");
    List<Callable<ReactionResult>> tasks = new ArrayList<>();
    for (int i = 0; i < 24; i++) tasks.add(() -> add(alice, lobby, message, "👍"));
    List<Concurrently.Outcome<ReactionResult>> outcomes = Concurrently.run(8, tasks);
    assertTrue(outcomes.stream().allMatch(Concurrently.Outcome::ok));
    assertEquals(1, outcomes.stream().filter(o -> o.value().changed()).count());
    assertEquals(1, reactionEvents(lobby).size());
    assertEquals(
        List.of(new ReactionCount("👍", 1, true)), add(alice, lobby, message, "👍").reactions());
  }

  @Test
  void concurrentReactionsFromManyAccountsAreAllCounted() throws Exception {
    RoomId lobby = channel("lobby");
    EventId message = say(admin, lobby, "vote");
    int accounts = 30;
    List<Callable<ReactionResult>> tasks = new ArrayList<>();
    for (int i = 0; i < accounts; i++) {
      Caller p = player("p" + i);
      tasks.add(() -> add(p, lobby, message, "👍"));
      tasks.add(() -> add(p, lobby, message, "👍"));
      tasks.add(() -> add(p, lobby, message, "❤"));
    }
    List<Concurrently.Outcome<ReactionResult>> outcomes = Concurrently.run(8, tasks);
    assertTrue(outcomes.stream().allMatch(Concurrently.Outcome::ok));
    assertEquals(accounts * 2, outcomes.stream().filter(o -> o.value().changed()).count());
    assertEquals(accounts * 2, reactionEvents(lobby).size());
    HistoryPage page =
        core.readHistory()
            .read(
                new ReadHistory.Query(
                    admin, lobby, Optional.empty(), Direction.BACKWARD, OptionalInt.empty()));
    assertEquals(
        List.of(new ReactionCount("❤", accounts, false), new ReactionCount("👍", accounts, false)),
        page.summary(message).reactions());
  }

  @Test
  void aHundredMessagePageWithReactionsAndReceiptsCostsAConstantNumberOfStoreCalls() {
    RoomId lobby = channel("lobby");
    List<Caller> readers = List.of(player("a"), player("b"), player("c"));
    List<EventId> messages = new ArrayList<>();
    for (int i = 0; i < 100; i++) messages.add(say(admin, lobby, "m" + i));
    for (int i = 0; i < messages.size(); i++) {
      add(readers.get(i % 3), lobby, messages.get(i), "k" + (i % 4));
      core.postReceipt().post(new PostReceipt.Command(readers.get(i % 3), lobby, messages.get(i)));
    }
    CountingStorage counting = new CountingStorage(storage);
    try (ChatCore measured = ChatCore.create(counting.storage(), limits(), clock)) {
      measured.registerCaller().register(readers.getFirst());
      counting.reset();
      HistoryPage page =
          measured
              .readHistory()
              .read(
                  new ReadHistory.Query(
                      readers.getFirst(),
                      lobby,
                      Optional.empty(),
                      Direction.BACKWARD,
                      OptionalInt.of(100)));
      assertEquals(100, page.chunk().size());
      assertEquals(1, page.summary(messages.getFirst()).reactions().size());
      assertEquals(
          1, counting.callsTo(ReactionRepository.class), "one aggregates call for the page");
      assertEquals(1, counting.callsTo(ReceiptRepository.class), "one receipts read for the page");
      assertTrue(counting.callsTo(EventLog.class) <= 1, "one history read");
    }
  }
}
