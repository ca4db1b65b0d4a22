package dev.chatcore.application.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.Room;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A DM room's life through both APIs (SPEC §4): a leave ({@code /v1} or {@code /chat}) frees the
 * member set, so the same set makes a new room; a DM under two members closes; a kicked member may
 * not post to the set's room; a deleted DM frees its set for good, also once its tombstone is
 * purged.
 */
public abstract class DmLifecycleContract extends CoreFixture {

  @Test
  void afterAV1LeaveTheSameSetMakesANewRoom() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Caller carol = player("carol");
    RoomId first = dm(alice, "hi all", bob, carol);
    core.leaveRoom().leave(new LeaveRoom.Command(carol, first));
    RoomId second = dm(alice, "hi again", bob, carol);
    assertNotEquals(first, second);
    assertEquals(second, dm(bob, "and it stays the set's room", alice, carol));
    assertTrue(live(first), "alice and bob still have the first room");
  }

  @Test
  void aDmUnderTwoMembersClosesWhicheverApiLeaves() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId viaV1 = dm(alice, "hi", bob);
    core.leaveRoom().leave(new LeaveRoom.Command(bob, viaV1));
    assertTrue(!live(viaV1), "closed by the /v1 leave");
    RoomId viaChat = dm(alice, "hi again", bob);
    assertNotEquals(viaV1, viaChat);
    core.leaveDirectMessage().leave(new LeaveDirectMessage.Command(bob, viaChat));
    assertTrue(!live(viaChat), "closed by the /chat leave");
  }

  @Test
  void aKickedMemberMayNotPostToTheSetsRoom() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Caller carol = player("carol");
    RoomId room = dm(alice, "hi all", bob, carol);
    core.kickMember().kick(new KickMember.Command(admin, room, carol.id()));
    assertThrows(ForbiddenException.class, () -> dm(carol, "let me back in", alice, bob));
    assertEquals(room, dm(alice, "the others go on", bob, carol));
  }

  @Test
  void aDeletedDmFreesItsSetEvenAfterItsTombstoneIsPurged() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId deleted = dm(alice, "hi", bob);
    core.deleteRoom().delete(admin, deleted);
    RoomId next = dm(alice, "still there?", bob);
    assertNotEquals(deleted, next);
    assertTrue(live(next));
    clock.advance(Duration.ofDays(400));
    core.janitor().run();
    assertNotEquals(deleted, dm(alice, "after the purge", bob), "the old room never comes back");
    assertThrows(NotFoundException.class, () -> core.getRoom().get(alice, deleted));
  }

  private RoomId dm(Caller from, String text, Caller... to) {
    List<String> players = Arrays.stream(to).map(c -> c.id().value()).toList();
    return core.sendDirectMessage()
        .send(new SendDirectMessage.Command(from, players, text, Optional.empty()))
        .room();
  }

  private boolean live(RoomId room) {
    return storage.rooms().find(room).filter(r -> !r.isDeleted()).map(Room::id).isPresent();
  }
}
