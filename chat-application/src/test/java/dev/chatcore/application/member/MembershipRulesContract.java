package dev.chatcore.application.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.application.Caller;
import dev.chatcore.application.Concurrently;
import dev.chatcore.application.CoreFixture;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.sync.SyncBatch;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Joining, leaving, member lists, kicks and room bans, over any storage. */
public abstract class MembershipRulesContract extends CoreFixture {
  static final int GLOBAL_OVERFLOW = 5;

  @Override
  protected Limits limits() {
    Limits d = Limits.defaults();
    return d.withRoomCapacities(3, GLOBAL_OVERFLOW, d.privateRoomCapacity());
  }

  private List<Membership> memberEvents(RoomId room, AccountId target) {
    return stream(room).stream()
        .filter(e -> e.content() instanceof EventContent.Member m && m.target().equals(target))
        .map(e -> ((EventContent.Member) e.content()).membership())
        .toList();
  }

  private boolean listed(Caller who, RoomId room) {
    return core.listRooms().list(who).stream().anyMatch(v -> v.room().id().equals(room));
  }

  @Test
  void leavingAChannelKeepsTheAccountOutUntilItJoinsAgain() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    assertTrue(listed(alice, lobby), "channels are joined automatically");
    core.leaveRoom().leave(new LeaveRoom.Command(alice, lobby));
    assertFalse(listed(alice, lobby));
    assertThrows(ForbiddenException.class, () -> say(alice, lobby, "still here?"));
    core.joinRoom().join(new JoinRoom.Command(alice, lobby));
    assertTrue(listed(alice, lobby));
    say(alice, lobby, "back");
    assertEquals(List.of(Membership.LEAVE, Membership.JOIN), memberEvents(lobby, alice.id()));
  }

  @Test
  void joiningARoomOneIsInAndLeavingARoomOneLeftPublishNothing() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    core.joinRoom().join(new JoinRoom.Command(alice, lobby));
    core.leaveRoom().leave(new LeaveRoom.Command(alice, lobby));
    core.leaveRoom().leave(new LeaveRoom.Command(alice, lobby));
    assertEquals(List.of(Membership.LEAVE), memberEvents(lobby, alice.id()));
  }

  @Test
  void privateAndDmRoomsAreNeverJoinedThisWay() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    RoomId guild = room(RoomType.PRIVATE, bob);
    RoomId dm = room(RoomType.DM, bob);
    assertThrows(
        ForbiddenException.class, () -> core.joinRoom().join(new JoinRoom.Command(alice, guild)));
    assertThrows(
        ForbiddenException.class, () -> core.joinRoom().join(new JoinRoom.Command(alice, dm)));
    assertThrows(
        ForbiddenException.class, () -> core.leaveRoom().leave(new LeaveRoom.Command(bob, guild)));
    assertThrows(
        NotFoundException.class,
        () -> core.joinRoom().join(new JoinRoom.Command(alice, TestIds.room())));
  }

  @Test
  void aDmMemberMayLeaveAndANonMemberMayNot() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Caller carol = player("carol");
    RoomId dm = room(RoomType.DM, alice, bob);
    core.leaveRoom().leave(new LeaveRoom.Command(alice, dm));
    assertEquals(
        Optional.of(MemberState.LEFT),
        storage.memberships().find(dm, alice.id()).map(RoomMember::state));
    assertThrows(
        NotFoundException.class,
        () -> core.leaveRoom().leave(new LeaveRoom.Command(carol, dm)),
        "a DM is hidden from non-members");
  }

  @Test
  void aKickedAccountMayRejoinAndABannedOneOnlyAfterTheUnban() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    core.kickMember().kick(new KickMember.Command(admin, lobby, alice.id()));
    assertThrows(ForbiddenException.class, () -> say(alice, lobby, "hi"));
    core.joinRoom().join(new JoinRoom.Command(alice, lobby));
    core.banMember().ban(new BanMember.Command(admin, lobby, alice.id()));
    assertThrows(
        ForbiddenException.class, () -> core.joinRoom().join(new JoinRoom.Command(alice, lobby)));
    core.unbanMember().unban(new UnbanMember.Command(admin, lobby, alice.id()));
    assertFalse(listed(alice, lobby), "an unbanned account stays out until it joins");
    core.joinRoom().join(new JoinRoom.Command(alice, lobby));
    say(alice, lobby, "back again");
    assertEquals(
        List.of(
            Membership.KICK, Membership.JOIN, Membership.BAN, Membership.LEAVE, Membership.JOIN),
        memberEvents(lobby, alice.id()));
  }

  @Test
  void onlyAdminsKickAndKickingANonMemberIsNotFound() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    Caller bob = player("bob");
    assertThrows(
        ForbiddenException.class,
        () -> core.kickMember().kick(new KickMember.Command(bob, lobby, alice.id())));
    core.leaveRoom().leave(new LeaveRoom.Command(alice, lobby));
    assertThrows(
        NotFoundException.class,
        () -> core.kickMember().kick(new KickMember.Command(admin, lobby, alice.id())));
    assertThrows(
        NotFoundException.class,
        () -> core.unbanMember().unban(new UnbanMember.Command(admin, lobby, alice.id())));
    assertThrows(
        NotFoundException.class,
        () -> core.banMember().ban(new BanMember.Command(admin, lobby, TestIds.account())),
        "unknown account");
    core.banMember().ban(new BanMember.Command(admin, lobby, alice.id()));
    core.banMember().ban(new BanMember.Command(admin, lobby, alice.id()));
    assertEquals(
        List.of(Membership.LEAVE, Membership.BAN),
        memberEvents(lobby, alice.id()),
        "banning twice publishes once");
  }

  @Test
  void aKickedAccountsSyncTellsItAndThenStopsShowingTheRoom() throws Exception {
    RoomId lobby = channel("lobby");
    RoomId other = channel("other");
    Caller alice = player("alice");
    EventId since = storage.events().head();
    core.kickMember().kick(new KickMember.Command(admin, lobby, alice.id()));
    Event kick = stream(lobby).getLast();
    assertEquals(
        kick.id(), storage.memberships().find(lobby, alice.id()).orElseThrow().sinceEvent());
    SyncBatch first = sync(alice, since);
    assertEquals(List.of(kick.id()), first.events().stream().map(Event::id).toList());
    say(admin, lobby, "after the kick");
    EventId visible = say(admin, other, "elsewhere");
    SyncBatch second = sync(alice, first.nextBatch());
    assertEquals(List.of(visible), second.events().stream().map(Event::id).toList());
  }

  @Test
  void membersArePagedByAccountIdWithoutThoseWhoLeft() {
    RoomId lobby = channel("lobby");
    List<Caller> players = new ArrayList<>();
    for (int i = 0; i < 5; i++) players.add(player("p" + i));
    core.leaveRoom().leave(new LeaveRoom.Command(players.get(2), lobby));
    List<AccountId> expected = new ArrayList<>();
    expected.add(admin.id());
    for (Caller p : players) if (p != players.get(2)) expected.add(p.id());
    expected.sort(null);
    List<AccountId> seen = new ArrayList<>();
    Optional<AccountId> from = Optional.empty();
    int pages = 0;
    do {
      MemberPage page =
          core.listMembers()
              .list(new ListMembers.Query(players.get(0), lobby, from, OptionalInt.of(2)));
      page.members().forEach(m -> seen.add(m.account()));
      from = page.next();
      pages++;
    } while (from.isPresent());
    assertEquals(expected, seen);
    assertEquals(3, pages, "5 members in pages of 2; the last page says there is no next");
    MemberView first =
        core
            .listMembers()
            .list(new ListMembers.Query(admin, lobby, Optional.empty(), OptionalInt.empty()))
            .members()
            .stream()
            .filter(m -> m.account().equals(players.get(1).id()))
            .findFirst()
            .orElseThrow();
    assertEquals("p1", first.displayName());
  }

  @Test
  void membersOfRecordedRoomsAreTheirJoinedRecords() {
    Caller alice = player("alice");
    Caller bob = player("bob");
    Caller carol = player("carol");
    RoomId dm = room(RoomType.DM, alice, bob, carol);
    core.leaveRoom().leave(new LeaveRoom.Command(bob, dm));
    MemberPage page =
        core.listMembers()
            .list(new ListMembers.Query(alice, dm, Optional.empty(), OptionalInt.empty()));
    assertEquals(
        Stream.of(alice.id(), carol.id()).sorted().toList(),
        page.members().stream().map(MemberView::account).toList());
    assertEquals(Optional.empty(), page.next());
  }

  @Test
  void joiningAGlobalRoomStopsAtItsCapacityUnderConcurrentJoins() throws Exception {
    RoomId global = room(RoomType.GLOBAL);
    List<Callable<Boolean>> joins = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      Caller p = player("g" + i);
      joins.add(() -> core.joinRoom().join(new JoinRoom.Command(p, global)) != null);
    }
    List<Concurrently.Outcome<Boolean>> outcomes = Concurrently.run(8, joins);
    long joined = outcomes.stream().filter(Concurrently.Outcome::ok).count();
    assertEquals(GLOBAL_OVERFLOW, joined);
    assertTrue(
        outcomes.stream()
            .filter(o -> !o.ok())
            .allMatch(o -> o.failure() instanceof ConflictException));
    assertEquals(GLOBAL_OVERFLOW, storage.memberships().count(global, MemberState.JOINED));
    assertEquals(GLOBAL_OVERFLOW, stream(global).size(), "one m.member join per seat taken");
  }

  @Test
  void unreadCountStartsAfterARejoin() {
    RoomId lobby = channel("lobby");
    Caller alice = player("alice");
    say(admin, lobby, "one");
    core.leaveRoom().leave(new LeaveRoom.Command(alice, lobby));
    say(admin, lobby, "while away");
    clock.advance(Duration.ofSeconds(1));
    assertEquals(0, core.joinRoom().join(new JoinRoom.Command(alice, lobby)).unreadCount());
    say(admin, lobby, "after");
    assertEquals(1, core.getRoom().get(alice, lobby).unreadCount());
  }
}
