package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.chat.Announcement;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.FutureTimes;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /chat/admin/broadcast}: admin messages. A message with a room goes to that room; one
 * with channel flags goes to each room of its {@code accountId} whose broadcast channels share a
 * flag (its global room has Global 1, guild rooms Guild 2; DM rooms have none, so never); one with
 * neither is an announcement. Room broadcasts are {@code m.plain} events by the admin in the one
 * stream (players see admin messages in every room type, {@code /v1} syncs and history show them).
 * At most {@link #ANNOUNCEMENTS_MAX} announcements are active: posting more expires the oldest.
 * Everything is validated before anything is written, so a 400 changes nothing. One per core:
 * posters of announcements take turns on it.
 */
@Singleton
public final class Broadcast {
  public static final int ANNOUNCEMENTS_MAX = 10;
  public static final int CHANNEL_ALL = 255;

  /**
   * One message of the request.
   *
   * @param channel broadcast channel flags, 0 for none
   * @param account whose rooms a channel broadcast goes to
   */
  public record Item(
      Optional<RoomId> room,
      int channel,
      Optional<AccountId> account,
      String text,
      Optional<JsonObjectText> context) {
    public Item {
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(context, "context");
    }
  }

  /**
   * @param expiration when every message of the request expires; empty: the retention default
   */
  public record Command(Caller caller, List<Item> messages, Optional<Instant> expiration) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      messages = List.copyOf(messages);
      Objects.requireNonNull(expiration, "expiration");
    }
  }

  /** A stored admin message: a room event ({@code room} present) or an announcement. */
  public record Sent(
      String id,
      AccountId author,
      Optional<RoomId> room,
      String text,
      Optional<JsonObjectText> context,
      Instant createdAt,
      Instant expiresAt) {}

  private record Target(Optional<RoomId> room, EventContent.Message content) {}

  private final AnnouncementRepository announcements;
  private final RoomRepository rooms;
  private final GlobalRoomRepository globalRooms;
  private final MembershipRepository memberships;
  private final RegisterCaller register;
  private final EventPublisher publisher;
  private final MessagePolicy policy;
  private final IdGenerator ids;
  private final Retention retention;
  private final Clock clock;
  private final Object announcing = new Object();

  @Inject
  public Broadcast(
      AnnouncementRepository announcements,
      RoomRepository rooms,
      GlobalRoomRepository globalRooms,
      MembershipRepository memberships,
      RegisterCaller register,
      EventPublisher publisher,
      MessagePolicy policy,
      IdGenerator ids,
      Retention retention,
      Clock clock) {
    this.announcements = announcements;
    this.rooms = rooms;
    this.globalRooms = globalRooms;
    this.memberships = memberships;
    this.register = register;
    this.publisher = publisher;
    this.policy = policy;
    this.ids = ids;
    this.retention = retention;
    this.clock = clock;
  }

  /**
   * @return the stored messages, in request order (a channel message once per room)
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for an empty list, bad text or context, a channel without {@code
   *     accountId}, flags outside 0..255, an expiration not in the future or more than 100 years
   *     ahead, or when no message has anywhere to go
   * @throws NotFoundException when a named room does not exist
   */
  public List<Sent> broadcast(Command command) {
    command.caller().requireAdmin();
    Instant now = clock.instant();
    Instant expires =
        FutureTimes.expiry(
            now,
            command.expiration().orElseGet(() -> retention.broadcastExpiry(now)),
            "expiration");
    if (command.messages().isEmpty())
      throw new InvalidInputException("messages", "must hold at least one message");
    List<Target> targets = new ArrayList<>();
    for (int i = 0; i < command.messages().size(); i++)
      targets.addAll(targets(command.messages().get(i), i));
    if (targets.isEmpty())
      throw new InvalidInputException("messages", "no room matched the channels of any message");
    register.register(command.caller());
    AccountId admin = command.caller().id();
    List<Sent> sent = new ArrayList<>(targets.size());
    boolean announced = false;
    for (Target t : targets) {
      if (t.room().isPresent()) {
        Event e =
            publisher
                .publish(
                    new NewEvent(
                        t.room().get(),
                        admin,
                        now,
                        t.content(),
                        Optional.empty(),
                        Optional.of(expires)))
                .event();
        sent.add(
            new Sent(
                e.id().toString(),
                admin,
                t.room(),
                t.content().text(),
                t.content().context(),
                now,
                expires));
      } else {
        Announcement a =
            new Announcement(
                ids.next(), admin, t.content().text(), t.content().context(), now, expires);
        announcements.save(a);
        announced = true;
        sent.add(new Sent(a.id(), admin, Optional.empty(), a.text(), a.context(), now, expires));
      }
    }
    if (announced) capAnnouncements(now);
    return sent;
  }

  private List<Target> targets(Item item, int index) {
    String field = "messages[" + index + "]";
    EventContent.Message content =
        policy.message(item.text(), item.context(), field + ".text", field + ".context");
    if (item.channel() < 0 || item.channel() > CHANNEL_ALL) {
      throw new InvalidInputException(
          field + ".channel", "must be broadcast flags 0..255 (Global 1, Guild 2, All 255)");
    }
    if (item.room().isPresent()) {
      RoomId id = item.room().get();
      rooms
          .find(id)
          .filter(r -> !r.isDeleted())
          .orElseThrow(() -> new NotFoundException(field + ".roomId: room not found"));
      return List.of(new Target(Optional.of(id), content));
    }
    if (item.channel() == 0) return List.of(new Target(Optional.empty(), content));
    AccountId account =
        item.account()
            .orElseThrow(
                () ->
                    new InvalidInputException(field + ".accountId", "is required with a channel"));
    List<Target> out = new ArrayList<>();
    for (RoomId room : roomsOf(account, item.channel()))
      out.add(new Target(Optional.of(room), content));
    return out;
  }

  /** The account's global room and private rooms whose channels share a flag, ordered by id. */
  private Set<RoomId> roomsOf(AccountId account, int flags) {
    List<Room> candidates = new ArrayList<>();
    globalRooms.roomOf(account).flatMap(g -> rooms.find(g.id())).ifPresent(candidates::add);
    for (RoomMember m : memberships.ofAccount(account)) {
      if (m.state() != MemberState.JOINED) continue;
      rooms.find(m.room()).filter(r -> r.type() == RoomType.PRIVATE).ifPresent(candidates::add);
    }
    candidates.sort(Comparator.comparing(Room::id));
    Set<RoomId> out = new LinkedHashSet<>();
    for (Room r : candidates) {
      if (!r.isDeleted() && (r.broadcastChannels() & flags) != 0) out.add(r.id());
    }
    return out;
  }

  /**
   * Expires the active announcements beyond the newest {@link #ANNOUNCEMENTS_MAX}. Convergent
   * across nodes: each caller expires only announcements outside the newest ten it sees, which are
   * outside the newest ten of any larger set too, and the last poster sees every one.
   */
  private void capAnnouncements(Instant now) {
    synchronized (announcing) {
      List<Announcement> active = announcements.active(now);
      for (int i = 0; i < active.size() - ANNOUNCEMENTS_MAX; i++) {
        Announcement a = active.get(i);
        announcements.save(a.expiringAt(now));
      }
    }
  }
}
