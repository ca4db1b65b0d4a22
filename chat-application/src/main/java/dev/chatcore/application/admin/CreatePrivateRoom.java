package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.KeyedLocks;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.member.MembershipChange;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /chat/admin/rooms/new}: an admin makes a private room (a guild, a game feature) with
 * its first members. The room's creation and each member's {@code join} are events by the admin, so
 * {@code /v1} syncs see them. Holds the room's lock, which {@link UpdatePrivateRoom} shares.
 */
public final class CreatePrivateRoom {
  public static final int GUILD_CHANNEL = 2;

  /**
   * @param channel broadcast channel flags; empty: Guild (2)
   */
  public record Command(
      Caller caller,
      List<String> accountIds,
      Optional<JsonObjectText> data,
      Optional<Integer> channel) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      accountIds = List.copyOf(accountIds);
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(channel, "channel");
    }
  }

  private final RoomRepository rooms;
  private final RegisterCaller register;
  private final EventPublisher publisher;
  private final MembershipChange change;
  private final IdGenerator ids;
  private final Limits limits;
  private final KeyedLocks locks;
  private final Clock clock;

  /**
   * @param locks the locks {@link UpdatePrivateRoom} takes too: changes of one room take turns on a
   *     node
   */
  @Inject
  public CreatePrivateRoom(
      RoomRepository rooms,
      RegisterCaller register,
      EventPublisher publisher,
      MembershipChange change,
      IdGenerator ids,
      Limits limits,
      KeyedLocks locks,
      Clock clock) {
    this.rooms = rooms;
    this.register = register;
    this.publisher = publisher;
    this.change = change;
    this.ids = ids;
    this.limits = limits;
    this.locks = locks;
    this.clock = clock;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for bad ids, fewer than 1 or more than {@link
   *     Limits#privateRoomCapacity()} distinct accounts, or flags outside 0..255
   */
  public Room create(Command command) {
    command.caller().requireAdmin();
    Set<AccountId> members =
        PrivateRoomMembers.parse(command.accountIds(), 1, limits.privateRoomCapacity());
    int channel = command.channel().orElse(GUILD_CHANNEL);
    if (channel < 0 || channel > Broadcast.CHANNEL_ALL) {
      throw new InvalidInputException(
          "channel", "must be broadcast flags 0..255 (None 0, Global 1, Guild 2, All 255)");
    }
    register.register(command.caller());
    AccountId admin = command.caller().id();
    Instant now = clock.instant();
    Room room =
        new Room(
            ids.nextRoomId(),
            RoomType.PRIVATE,
            Optional.empty(),
            Optional.empty(),
            now,
            0,
            channel,
            command.data(),
            Optional.of(admin),
            Optional.empty());
    return locks.withLock(
        room.id(),
        () -> {
          rooms.create(room);
          publisher.publish(new NewEvent(room.id(), admin, now, new EventContent.RoomCreated("")));
          for (AccountId m : members)
            change.apply(room.id(), RoomType.PRIVATE, admin, m, Membership.JOIN);
          return room;
        });
  }
}
