package dev.chatcore.application.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.GatedStorage;
import dev.chatcore.application.chat.PostedMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.application.sync.VisibleRead;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.Events;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The janitor closes an idle DM the way every deletion is made ({@code RoomDeletion}): the
 * tombstone is stored before {@code m.room.deleted} can be read, so a reader that sees the deletion
 * also sees its bound, and a message stored after the deletion (a send that raced it) is never
 * delivered.
 */
public abstract class JanitorDeletionContract extends CoreFixture {
  private final GatedStorage gates = new GatedStorage();
  private Caller alice;
  private Caller bob;
  private RoomId dm;

  @BeforeEach
  void idleDm() {
    alice = player("alice");
    bob = player("bob");
    PostedMessage hi =
        core.sendDirectMessage()
            .send(
                new SendDirectMessage.Command(
                    alice, List.of(bob.id().value()), "hi", Optional.empty()));
    dm = hi.room();
    clock.advance(Duration.ofDays(8)); // idle past the week the janitor allows
  }

  /** The read step of a sync from the start, for bob. */
  private List<Event> bobReads() {
    RoomAccess access =
        new RoomAccess(storage.rooms(), storage.memberships(), storage.globalRooms());
    VisibleRead reads =
        new VisibleRead(storage.events(), access, core.banGate(), limits(), core.deviceSync());
    VisibleRead.Reader reader =
        VisibleRead.Reader.of(
            storage.accounts().find(bob.id()).orElseThrow(), bob, Optional.empty());
    return reads.after(reader, EventId.ORIGIN).events();
  }

  private void raceTheDeletion() {
    storage.events().append(Events.message(dm, alice.id(), "raced the deletion"));
  }

  private static boolean raced(List<Event> events) {
    return events.stream()
        .anyMatch(
            e ->
                e.content() instanceof EventContent.Message m
                    && m.text().equals("raced the deletion"));
  }

  private static boolean deletion(List<Event> events) {
    return events.stream().anyMatch(e -> e.content() instanceof EventContent.RoomDeleted);
  }

  /**
   * Paused where the tombstone is stored: a read then does not see the deletion yet, nor the
   * message stored after it; once the deletion is readable, its bound holds that message back.
   */
  @Test
  void aReaderThatSeesTheJanitorsDeletionSeesItsBoundToo() throws Exception {
    try (ChatCore gated = ChatCore.create(gates.wrap(storage), limits(), clock)) {
      GatedStorage.Gate gate = gates.arm("RoomRepository.markDeleted");
      CompletableFuture<Janitor.Run> run =
          CompletableFuture.supplyAsync(() -> GatedStorage.pausable(() -> gated.janitor().run(3)));
      gate.awaitReached();
      // a send that passed its checks before the deletion: its append takes the next position,
      // and waits (in memory) until the deletion's is readable
      CompletableFuture<Void> race = CompletableFuture.runAsync(this::raceTheDeletion);
      List<Event> during = bobReads();
      gate.release();
      assertEquals(1, run.get(30, TimeUnit.SECONDS).removed("dmRoomsClosed"));
      race.get(30, TimeUnit.SECONDS);
      List<Event> after = bobReads();

      assertFalse(raced(during), "nothing after the deletion while it is being stored");
      assertFalse(deletion(during), "the deletion is not readable before its tombstone is stored");
      assertTrue(deletion(after), "the members learn of the closing");
      assertFalse(raced(after), "a message stored after the deletion stays unread");
    }
  }

  /** The control twin: the same race, landing after the janitor's whole run. */
  @Test
  void aMessageStoredAfterTheJanitorsDeletionIsNeverDelivered() {
    assertEquals(1, core.janitor().run(3).removed("dmRoomsClosed"));
    raceTheDeletion();
    List<Event> after = bobReads();

    assertTrue(deletion(after));
    assertFalse(raced(after));
  }
}
