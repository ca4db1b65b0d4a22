package dev.chatcore.domain.room;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemberTimelineTest {
  private static EventId at(long p) {
    return new EventId(p);
  }

  @Test
  void anAccountSeesItsOwnJoinAndLeaveAndWhatLiesBetween() {
    MemberTimeline t =
        MemberTimeline.startingAs(false)
            .with(at(10), true, Optional.empty())
            .with(at(20), false, Optional.empty());
    assertFalse(t.sees(at(9)));
    assertTrue(t.sees(at(10)), "its join");
    assertTrue(t.sees(at(15)));
    assertTrue(t.sees(at(20)), "its leave");
    assertFalse(t.sees(at(21)));
  }

  @Test
  void aBanOfANonMemberIsNotItsToSee() {
    MemberTimeline t = MemberTimeline.startingAs(false).with(at(5), false, Optional.empty());
    assertFalse(t.sees(at(5)));
    assertFalse(t.seesAnyAfter(at(4)) && t.sees(at(6)));
  }

  @Test
  void changesMergeInStreamOrderWhateverTheOrderTheyArrive() {
    MemberTimeline inOrder =
        MemberTimeline.startingAs(false)
            .with(at(10), true, Optional.empty())
            .with(at(20), false, Optional.empty())
            .with(at(30), true, Optional.empty());
    MemberTimeline reversed =
        MemberTimeline.startingAs(false)
            .with(at(30), true, Optional.empty())
            .with(at(20), false, Optional.empty())
            .with(at(10), true, Optional.empty());
    assertEquals(inOrder, reversed);
  }

  @Test
  void aChangeMovesFromAPositionTheLogDidNotKeep() {
    MemberTimeline t =
        MemberTimeline.startingAs(true)
            .with(at(12), false, Optional.empty())
            .with(at(14), false, Optional.of(at(12)));
    assertEquals(List.of(new MemberTimeline.Change(at(14), false)), t.changes());
    assertTrue(t.memberAt(at(13)));
  }

  @Test
  void theOldestChangesFoldIntoTheStartingState() {
    MemberTimeline t = MemberTimeline.startingAs(false);
    for (int i = 1; i <= MemberTimeline.MAX_CHANGES + 3; i++)
      t = t.with(at(i * 10L), i % 2 == 1, Optional.empty());
    assertEquals(MemberTimeline.MAX_CHANGES, t.changes().size());
    assertTrue(t.memberBefore(), "the third change, the last dropped, was a join");
    assertTrue(t.memberAt(at(35)), "so the account is a member up to the first kept change");
    assertFalse(t.memberAt(at(40)));
    assertTrue(t.memberAt(at((MemberTimeline.MAX_CHANGES + 3) * 10L)));
  }

  @Test
  void seesAnyAfterTellsWhetherARoomNeedsReading() {
    MemberTimeline left = MemberTimeline.startingAs(true).with(at(10), false, Optional.empty());
    assertTrue(left.seesAnyAfter(at(5)), "its leave is after the cursor");
    assertFalse(left.seesAnyAfter(at(10)));
  }

  @Test
  void changesMustAscend() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MemberTimeline(
                false,
                List.of(
                    new MemberTimeline.Change(at(2), true),
                    new MemberTimeline.Change(at(1), false))));
  }

  @Test
  void aChangeStoredLateLandsInTheTimelineButLeavesTheLaterState() {
    RoomId room = TestIds.room();
    AccountId a = TestIds.account();
    Instant t = Instant.parse("2026-01-01T00:00:00Z");
    RoomMember kicked =
        new MemberChange(room, a, MemberState.KICKED, t, at(20), false, Optional.empty())
            .appliedTo(Optional.empty());
    RoomMember merged =
        new MemberChange(room, a, MemberState.JOINED, t, at(10), false, Optional.empty())
            .appliedTo(Optional.of(kicked));
    assertEquals(MemberState.KICKED, merged.state());
    assertEquals(at(20), merged.sinceEvent());
    assertTrue(merged.timeline().sees(at(15)));
  }
}
