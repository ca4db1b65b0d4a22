package dev.chatcore.application.typing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.sync.SyncBatch;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Typing notices: in the stream, never in history, expiring from storage. */
public abstract class TypingRulesContract extends CoreFixture {

  private Duration type(Caller who, RoomId room, boolean typing, Duration timeout) {
    return core.setTyping()
        .set(new SetTyping.Command(who, room, typing, Optional.ofNullable(timeout)));
  }

  @Test
  void typingIsInTheSyncStreamAndNeverInHistory() throws Exception {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    Caller bob = player("bob");
    EventId since = storage.events().head();
    assertEquals(Duration.ofSeconds(3), type(alice, lobby, true, null), "3 s by default");
    SyncBatch batch = sync(bob, since);
    assertEquals(1, batch.events().size());
    Event typing = batch.events().getFirst();
    assertEquals(
        new EventContent.Typing(List.of(alice.id()), Duration.ofSeconds(3)), typing.content());
    assertEquals(typing.id(), batch.nextBatch(), "the cursor covers the typing event");
    assertTrue(
        core.readHistory()
            .read(
                new ReadHistory.Query(
                    bob, lobby, Optional.empty(), Direction.BACKWARD, OptionalInt.empty()))
            .chunk()
            .isEmpty());
  }

  @Test
  void timeoutsAreClampedToTheMaxAndAStopHoldsNothing() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    assertEquals(Duration.ofSeconds(30), type(alice, lobby, true, Duration.ofMinutes(5)));
    assertEquals(Duration.ZERO, type(alice, lobby, false, null));
    assertEquals(
        new EventContent.Typing(List.of(), Duration.ZERO), stream(lobby).getLast().content());
    assertThrows(InvalidInputException.class, () -> type(alice, lobby, true, Duration.ZERO));
    assertThrows(
        InvalidInputException.class, () -> type(alice, lobby, true, Duration.ofMillis(-5)));
    core.leaveRoom().leave(new LeaveRoom.Command(alice, lobby));
    assertThrows(ForbiddenException.class, () -> type(alice, lobby, true, null));
  }

  @Test
  void typingExpiresFromStorageAfterTheLongestTimeout() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    EventId created = stream(lobby).getFirst().id();
    type(alice, lobby, true, null);
    EventId typing = stream(lobby).getLast().id();
    EventId message = say(alice, lobby, "done typing");
    clock.advance(Duration.ofSeconds(29));
    assertEquals(
        List.of(created, typing, message),
        stream(lobby).stream().map(Event::id).toList(),
        "kept for the longest timeout, so a stop or newer start always sits beside an older start");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(
        List.of(created, message),
        stream(lobby).stream().map(Event::id).toList(),
        "hidden once expired");
    core.purgeExpiredEvents().purge(); // the core's timer may have purged it already: both are fine
    assertEquals(0, core.purgeExpiredEvents().purge());
    clock.advance(Duration.ofSeconds(-30));
    assertEquals(
        List.of(created, message),
        stream(lobby).stream().map(Event::id).toList(),
        "deleted from storage, not only hidden: it stays gone even when the clock is set back");
  }
}
