package dev.chatcore.application.room;

import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.MemberTimeline;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who may see and post where. The one place that knows the membership rules: channels are joined
 * automatically (a record exists only once the account left or was kicked), every other room type
 * needs a JOINED record.
 */
public final class RoomAccess {
  private final RoomRepository rooms;
  private final MembershipRepository memberships;
  private final GlobalRoomRepository globalRooms;

  @Inject
  public RoomAccess(
      RoomRepository rooms, MembershipRepository memberships, GlobalRoomRepository globalRooms) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.globalRooms = globalRooms;
  }

  /** The account's state in the room; empty when it never had one (and the room is no channel). */
  public Optional<MemberState> stateOf(AccountId account, Room room) {
    Optional<MemberState> recorded = memberships.find(room.id(), account).map(RoomMember::state);
    if (room.type() == RoomType.GLOBAL) return globalState(account, room, recorded);
    if (recorded.isEmpty() && room.type() == RoomType.CHANNEL)
      return Optional.of(MemberState.JOINED);
    return recorded;
  }

  /**
   * Global rooms: the seat directory is the truth (exactly one seat per account); the records are a
   * projection that only keeps why an account is out (left, kicked, banned).
   */
  private Optional<MemberState> globalState(
      AccountId account, Room room, Optional<MemberState> recorded) {
    boolean seated = globalRooms.roomOf(account).filter(g -> g.id().equals(room.id())).isPresent();
    if (seated) return Optional.of(MemberState.JOINED);
    return recorded.map(s -> s == MemberState.JOINED ? MemberState.LEFT : s);
  }

  public boolean isMember(AccountId account, Room room) {
    return stateOf(account, room).map(MemberState::isMember).orElse(false);
  }

  /**
   * The live room, when the account may see it: channels and global rooms are public, private and
   * DM rooms only to their members; admins see every room.
   *
   * @throws NotFoundException when it does not exist or the account may not see it
   */
  public Room visibleRoom(AccountId account, boolean admin, RoomId id) {
    Room room =
        rooms
            .find(id)
            .filter(r -> !r.isDeleted())
            .orElseThrow(() -> new NotFoundException("room not found"));
    boolean publicRoom = room.type() == RoomType.CHANNEL || room.type() == RoomType.GLOBAL;
    if (admin || publicRoom || isMember(account, room)) return room;
    throw new NotFoundException("room not found");
  }

  /**
   * The live room, when the account is a member and so may post or react there.
   *
   * @throws NotFoundException when it does not exist or the account may not see it
   * @throws ForbiddenException when the account left, was kicked or banned, or never joined
   */
  public Room memberRoom(AccountId account, boolean admin, RoomId id) {
    Room room = visibleRoom(account, admin, id);
    if (!isMember(account, room)) throw new ForbiddenException("not a member of this room");
    return room;
  }

  /** Every live room the account is a member of. */
  public Set<Room> memberRooms(AccountId account) {
    Map<RoomId, Room> rooms = new HashMap<>();
    collectMemberRooms(account, recordsOf(account), rooms);
    return new HashSet<>(rooms.values());
  }

  private void collectMemberRooms(
      AccountId account, Map<RoomId, RoomMember> records, Map<RoomId, Room> into) {
    for (Room channel : rooms.listByType(RoomType.CHANNEL)) {
      RoomMember record = records.get(channel.id());
      if (record == null || record.state().isMember()) into.put(channel.id(), channel);
    }
    for (RoomMember record : records.values()) {
      if (!record.state().isMember()) continue;
      rooms
          .find(record.room())
          .filter(
              r -> !r.isDeleted() && r.type() != RoomType.CHANNEL && r.type() != RoomType.GLOBAL)
          .ifPresent(r -> into.put(r.id(), r));
    }
    globalRooms
        .roomOf(account)
        .flatMap(g -> rooms.find(g.id()))
        .filter(r -> !r.isDeleted())
        .ifPresent(r -> into.put(r.id(), r));
  }

  /**
   * What a sync after {@code since} may deliver. Read it after reading the log head the sync reads
   * up to: membership records and tombstones are stored before their event can be read, so this
   * scope then holds every change at or below that head, and judging each event by its position
   * makes the answer independent of when it is read (docs/architecture.md, "Sync visibility").
   */
  public SyncScope syncScope(Account account, EventId since) {
    Map<RoomId, RoomMember> records = recordsOf(account.id());
    Set<RoomId> always = new HashSet<>();
    Map<RoomId, MemberTimeline> timelines = new HashMap<>();
    Map<RoomId, EventId> deletedAt = new HashMap<>();
    for (Room channel : rooms.listByType(RoomType.CHANNEL)) {
      if (!records.containsKey(channel.id())) always.add(channel.id());
    }
    // after the live list: a channel deleted in between is in this one, with its bound
    for (Room gone : rooms.listDeletedAfter(RoomType.CHANNEL, since)) {
      if (records.containsKey(gone.id())) continue;
      always.add(gone.id());
      deletedAt.put(gone.id(), gone.deletedAt().orElseThrow());
    }
    for (RoomMember record : records.values()) {
      if (!record.timeline().seesAnyAfter(since)) continue;
      Optional<Room> room = rooms.find(record.room());
      Optional<EventId> deleted = room.flatMap(Room::deletedAt);
      if (room.isEmpty() || deleted.filter(d -> !d.isAfter(since)).isPresent()) continue;
      timelines.put(record.room(), record.timeline());
      deleted.ifPresent(d -> deletedAt.put(record.room(), d));
    }
    return SyncScope.owning(always, timelines, deletedAt);
  }

  /**
   * What a sync (or a live stream) after {@code since} may deliver: an admin naming rooms in {@code
   * filter} watches them whole ({@link #watchScope}); anyone else sees its own rooms ({@link
   * #syncScope}), narrowed by the filter. Read it after the head, as those two.
   */
  public SyncScope scopeFor(
      Account account, boolean admin, EventId since, Optional<Set<RoomId>> filter) {
    if (filter.isEmpty()) return syncScope(account, since);
    return admin ? watchScope(filter.get(), since) : filteredScope(account, since, filter.get());
  }

  /**
   * {@link #syncScope} narrowed to the rooms of {@code filter}, read room by room: one record read
   * per named room instead of the list of every channel (a live stream following one room reads
   * this on every wake-up). Each room is read once, so a channel deleted meanwhile is either live
   * (in whole) or tombstoned (up to its deletion), as the whole scope's list-then-deleted order
   * ensures; {@code ScopeFilterContract} checks the two agree from every cursor.
   */
  private SyncScope filteredScope(Account account, EventId since, Set<RoomId> filter) {
    Map<RoomId, RoomMember> records = recordsOf(account.id());
    Set<RoomId> always = new HashSet<>();
    Map<RoomId, MemberTimeline> timelines = new HashMap<>();
    Map<RoomId, EventId> deletedAt = new HashMap<>();
    for (RoomId id : filter) {
      RoomMember record = records.get(id);
      if (record != null && !record.timeline().seesAnyAfter(since)) continue;
      Optional<Room> room = rooms.find(id);
      Optional<EventId> deleted = room.flatMap(Room::deletedAt);
      if (room.isEmpty() || deleted.filter(d -> !d.isAfter(since)).isPresent()) continue;
      if (record != null) {
        timelines.put(id, record.timeline());
      } else if (room.get().type() == RoomType.CHANNEL) {
        always.add(id); // a channel without a record: joined automatically
      } else {
        continue;
      }
      deleted.ifPresent(d -> deletedAt.put(id, d));
    }
    return SyncScope.owning(always, timelines, deletedAt);
  }

  /**
   * What an admin's sync watching {@code rooms} may deliver: every event of each named room, member
   * or not (moderators watch rooms live), up to the room's deletion. Unknown rooms and rooms
   * deleted at or before {@code since} add nothing. Read it after the head, as {@link #syncScope}.
   */
  public SyncScope watchScope(Set<RoomId> rooms, EventId since) {
    Set<RoomId> always = new HashSet<>();
    Map<RoomId, EventId> deletedAt = new HashMap<>();
    for (RoomId id : rooms) {
      Optional<Room> room = this.rooms.find(id);
      Optional<EventId> deleted = room.flatMap(Room::deletedAt);
      if (room.isEmpty() || deleted.filter(d -> !d.isAfter(since)).isPresent()) continue;
      always.add(id);
      deleted.ifPresent(d -> deletedAt.put(id, d));
    }
    return SyncScope.owning(always, Map.of(), deletedAt);
  }

  private Map<RoomId, RoomMember> recordsOf(AccountId account) {
    Map<RoomId, RoomMember> records = new HashMap<>();
    for (RoomMember m : memberships.ofAccount(account)) records.put(m.room(), m);
    return records;
  }
}
