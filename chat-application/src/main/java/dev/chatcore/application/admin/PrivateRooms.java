package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.member.MembershipChange;
import dev.chatcore.application.room.RoomDeletion;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code POST /chat/admin/rooms/new} and {@code PATCH /chat/admin/rooms/update}: admins make
 * private rooms (guilds, game features) and set their members. Every membership change is an
 * {@code m.member} event by the admin ({@code join} for an added account, {@code leave} for a
 * removed one), so {@code /v1} syncs see it; an empty member list deletes the room
 * ({@code m.room.deleted}) and its messages. Changes of one room take turns on a node.
 */
public final class PrivateRooms {
  public static final int GUILD_CHANNEL = 2;

  /** @param channel broadcast channel flags; empty: Guild (2) */
  public record Create(Caller caller, List<String> accountIds, Optional<JsonObjectText> data, Optional<Integer> channel) {
    public Create {
      Objects.requireNonNull(caller, "caller");
      accountIds = List.copyOf(accountIds);
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(channel, "channel");
    }
  }

  /** @param data empty keeps the room's data */
  public record Update(Caller caller, RoomId room, List<String> accountIds, Optional<JsonObjectText> data) {
    public Update {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      accountIds = List.copyOf(accountIds);
      Objects.requireNonNull(data, "data");
    }
  }

  /** The room after an update, or how many messages went with it when it was deleted. */
  public record Updated(Optional<Room> room, long messagesDeleted) {}

  private final ChatStorage storage;
  private final RegisterCaller register;
  private final EventPublisher publisher;
  private final IdGenerator ids;
  private final Limits limits;
  private final Clock clock;
  private final KeyedLocks locks = new KeyedLocks();
  private final MembershipChange change;
  private final RoomDeletion deletion;

  @Inject
  public PrivateRooms(ChatStorage storage, RegisterCaller register, EventPublisher publisher, IdGenerator ids,
      Limits limits, Clock clock) {
    this.storage = storage;
    this.register = register;
    this.publisher = publisher;
    this.ids = ids;
    this.limits = limits;
    this.clock = clock;
    this.change = new MembershipChange(storage, publisher, clock);
    this.deletion = new RoomDeletion(storage, publisher, clock);
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for bad ids, fewer than 1 or more than
   *     {@link Limits#privateRoomCapacity()} distinct accounts, or flags outside 0..255
   */
  public Room create(Create command) {
    command.caller().requireAdmin();
    Set<AccountId> members = members(command.accountIds(), 1);
    int channel = command.channel().orElse(GUILD_CHANNEL);
    if (channel < 0 || channel > Broadcast.CHANNEL_ALL) {
      throw new InvalidInputException("channel", "must be broadcast flags 0..255 (None 0, Global 1, Guild 2, All 255)");
    }
    register.register(command.caller());
    AccountId admin = command.caller().id();
    Instant now = clock.instant();
    Room room = new Room(ids.nextRoomId(), RoomType.PRIVATE, Optional.empty(), Optional.empty(), now, 0, channel,
        command.data(), Optional.of(admin), Optional.empty());
    return locks.withLock(room.id(), () -> {
      storage.rooms().create(room);
      publisher.publish(new NewEvent(room.id(), admin, now, new EventContent.RoomCreated("")));
      for (AccountId m : members) change(room.id(), admin, m, Membership.JOIN);
      return room;
    });
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws NotFoundException when the room does not exist (or was deleted)
   * @throws InvalidInputException when the room is not private, for bad ids or more than
   *     {@link Limits#privateRoomCapacity()} distinct accounts
   */
  public Updated update(Update command) {
    command.caller().requireAdmin();
    Set<AccountId> wanted = members(command.accountIds(), 0);
    register.register(command.caller());
    AccountId admin = command.caller().id();
    return locks.withLock(command.room(), () -> {
      Room room = storage.rooms().find(command.room()).filter(r -> !r.isDeleted())
          .orElseThrow(() -> new NotFoundException("room not found"));
      if (room.type() != RoomType.PRIVATE) throw new InvalidInputException("roomId", "is not a private room");
      if (wanted.isEmpty()) return new Updated(Optional.empty(), delete(room, admin));
      Set<AccountId> current = new TreeSet<>();
      for (RoomMember m : storage.memberships().inState(room.id(), MemberState.JOINED, Optional.empty(),
          limits.privateRoomCapacity() * 2 + 10)) {
        current.add(m.account());
      }
      for (AccountId gone : current) if (!wanted.contains(gone)) change(room.id(), admin, gone, Membership.LEAVE);
      for (AccountId added : wanted) if (!current.contains(added)) change(room.id(), admin, added, Membership.JOIN);
      Room updated = room;
      if (command.data().isPresent()) {
        updated = new Room(room.id(), room.type(), room.name(), room.topic(), room.createdAt(), room.number(),
            room.broadcastChannels(), command.data(), room.createdBy(), Optional.empty(), room.encryption());
        if (!storage.rooms().update(updated)) throw new NotFoundException("room not found");
      }
      return new Updated(Optional.of(updated), 0);
    });
  }

  private long delete(Room room, AccountId admin) {
    Event deleted = deletion.delete(room, admin);
    long total = 0;
    while (true) {
      int n = storage.events().deleteMessages(room.id(), deleted.id(), 1000);
      total += n;
      if (n < 1000) return total;
    }
  }

  private void change(RoomId room, AccountId admin, AccountId target, Membership membership) {
    change.apply(room, RoomType.PRIVATE, admin, target, membership);
  }

  private Set<AccountId> members(List<String> raw, int min) {
    Set<AccountId> out = new TreeSet<>();
    for (String id : raw) out.add(AccountId.parse(id, "accountIds"));
    if (out.size() < min || out.size() > limits.privateRoomCapacity()) {
      throw new InvalidInputException("accountIds",
          "must name " + min + " to " + limits.privateRoomCapacity() + " distinct accounts");
    }
    return out;
  }
}
