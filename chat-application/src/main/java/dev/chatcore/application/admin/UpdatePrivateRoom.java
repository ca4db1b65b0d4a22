package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.member.MembershipChange;
import dev.chatcore.application.room.RoomDeletion;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code PATCH /chat/admin/rooms/update}: an admin sets a private room's members and, optionally,
 * its data. Every change is an {@code m.member} event by the admin ({@code join} for an added
 * account, {@code leave} for a removed one), so {@code /v1} syncs see it; an empty member list
 * deletes the room ({@code m.room.deleted}) and its messages. Holds the room's lock, which {@link
 * CreatePrivateRoom} shares.
 */
public final class UpdatePrivateRoom {
  private static final int DELETE_BATCH = 1000;

  /**
   * @param data empty keeps the room's data
   */
  public record Command(
      Caller caller, RoomId room, List<String> accountIds, Optional<JsonObjectText> data) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      accountIds = List.copyOf(accountIds);
      Objects.requireNonNull(data, "data");
    }
  }

  /** The room after an update, or how many messages went with it when it was deleted. */
  public record Updated(Optional<Room> room, long messagesDeleted) {}

  private final RoomRepository rooms;
  private final MembershipRepository memberships;
  private final EventLog events;
  private final RegisterCaller register;
  private final MembershipChange change;
  private final RoomDeletion deletion;
  private final Limits limits;
  private final KeyedLocks locks;

  /**
   * @param locks the locks {@link CreatePrivateRoom} takes too: changes of one room take turns on a
   *     node
   */
  @Inject
  public UpdatePrivateRoom(
      RoomRepository rooms,
      MembershipRepository memberships,
      EventLog events,
      RegisterCaller register,
      MembershipChange change,
      RoomDeletion deletion,
      Limits limits,
      KeyedLocks locks) {
    this.rooms = rooms;
    this.memberships = memberships;
    this.events = events;
    this.register = register;
    this.change = change;
    this.deletion = deletion;
    this.limits = limits;
    this.locks = locks;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when the room does not exist (or was deleted)
   * @throws InvalidInputException when the room is not private, for bad ids or more than {@link
   *     Limits#privateRoomCapacity()} distinct accounts
   */
  public Updated update(Command command) {
    command.caller().requireAdmin();
    Set<AccountId> wanted =
        PrivateRoomMembers.parse(command.accountIds(), 0, limits.privateRoomCapacity());
    register.register(command.caller());
    AccountId admin = command.caller().id();
    return locks.withLock(
        command.room(),
        () -> {
          Room room =
              rooms
                  .find(command.room())
                  .filter(r -> !r.isDeleted())
                  .orElseThrow(() -> new NotFoundException("room not found"));
          if (room.type() != RoomType.PRIVATE)
            throw new InvalidInputException("roomId", "is not a private room");
          if (wanted.isEmpty()) return new Updated(Optional.empty(), delete(room, admin));
          Set<AccountId> current = members(room.id());
          for (AccountId gone : current)
            if (!wanted.contains(gone)) change(room.id(), admin, gone, Membership.LEAVE);
          for (AccountId added : wanted)
            if (!current.contains(added)) change(room.id(), admin, added, Membership.JOIN);
          if (command.data().isEmpty()) return new Updated(Optional.of(room), 0);
          Room updated =
              new Room(
                  room.id(),
                  room.type(),
                  room.name(),
                  room.topic(),
                  room.createdAt(),
                  room.number(),
                  room.broadcastChannels(),
                  command.data(),
                  room.createdBy(),
                  Optional.empty(),
                  room.encryption());
          if (!rooms.update(updated)) throw new NotFoundException("room not found");
          return new Updated(Optional.of(updated), 0);
        });
  }

  private Set<AccountId> members(RoomId room) {
    Set<AccountId> current = new TreeSet<>();
    for (RoomMember m :
        memberships.inState(
            room, MemberState.JOINED, Optional.empty(), limits.privateRoomCapacity() * 2 + 10)) {
      current.add(m.account());
    }
    return current;
  }

  /** Deletes the room, then its messages in batches; how many messages went. */
  private long delete(Room room, AccountId admin) {
    Event deleted = deletion.delete(room, admin);
    long total = 0;
    while (true) {
      int n = events.deleteMessages(room.id(), deleted.id(), DELETE_BATCH);
      total += n;
      if (n < DELETE_BATCH) return total;
    }
  }

  private void change(RoomId room, AccountId admin, AccountId target, Membership membership) {
    change.apply(room, RoomType.PRIVATE, admin, target, membership);
  }
}
