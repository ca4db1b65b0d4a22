package dev.chatcore.application.dm;

import dev.chatcore.application.Caller;
import dev.chatcore.application.StripedLocks;
import dev.chatcore.application.chat.PostedMessage;
import dev.chatcore.application.member.MembershipChange;
import dev.chatcore.application.message.MessagePosting;
import dev.chatcore.application.sync.EventPublisher;
import dev.chatcore.domain.chat.DmKey;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.MessagePolicy;
import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.retention.Retention;
import dev.chatcore.domain.room.MemberChange;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code POST /chat/dm}: sends a message to the DM room of exactly the given players plus the
 * sender, creating the room when that set has none. Concurrent first messages of one set make one
 * room: the set's key is claimed atomically in storage; on one node creations of one set also take
 * turns, so the room, its {@code m.room.created} and {@code m.member} events come before any
 * message. Across nodes a loser of the claim completes the winner's records itself, so its message
 * never waits for the winner. A player's message goes through the spam check and the content filter
 * ({@link MessagePosting}) once the room is known, so that {@code /chat/message} into the same DM
 * counts as the same room; spam and rejected messages store nothing. DM messages expire after
 * {@link Retention#dmMessages()}. One per core: creations take turns on its locks.
 */
@Singleton
public final class SendDirectMessage {
  /**
   * @param players the other members (24-hex account ids; duplicates and the sender are ignored)
   */
  public record Command(
      Caller caller, List<String> players, String text, Optional<JsonObjectText> context) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      players = List.copyOf(players);
      Objects.requireNonNull(context, "context");
    }
  }

  private final RoomRepository rooms;
  private final MembershipRepository memberships;
  private final DmRoomRepository dmRooms;
  private final EventLog events;
  private final EventPublisher publisher;
  private final MessagePolicy policy;
  private final IdGenerator ids;
  private final Limits limits;
  private final Clock clock;
  private final StripedLocks creating = new StripedLocks();
  private final MembershipChange change;

  private final MessagePosting posting;

  @Inject
  public SendDirectMessage(
      RoomRepository rooms,
      MembershipRepository memberships,
      DmRoomRepository dmRooms,
      EventLog events,
      EventPublisher publisher,
      MembershipChange change,
      MessagePolicy policy,
      IdGenerator ids,
      Limits limits,
      Clock clock,
      MessagePosting posting) {
    this.posting = posting;
    this.rooms = rooms;
    this.memberships = memberships;
    this.dmRooms = dmRooms;
    this.events = events;
    this.publisher = publisher;
    this.change = change;
    this.policy = policy;
    this.ids = ids;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * @throws InvalidInputException for a bad id in {@code players}, a member set outside 2..{@link
   *     Limits#dmMembersMax()}, text and context that break the rules, or a DM whose members turned
   *     end-to-end encryption on ({@code /chat} has no encrypted messages)
   * @throws dev.chatcore.domain.error.BannedException when the message is spam (nothing is stored)
   * @throws dev.chatcore.domain.error.ContentRejectedException when the content filter rejects it
   *     (nothing is stored; the DM room may have been created)
   * @throws ForbiddenException when the caller was kicked or banned from the room of this member
   *     set
   */
  public PostedMessage send(Command command) {
    EventContent.Message content =
        policy.message(command.text(), command.context(), "message.text", "message.context");
    Set<AccountId> members = new TreeSet<>();
    for (String p : command.players()) members.add(AccountId.parse(p, "players"));
    members.add(command.caller().id());
    if (members.size() < 2 || members.size() > limits.dmMembersMax()) {
      throw new InvalidInputException(
          "players",
          "must name 1 to " + (limits.dmMembersMax() - 1) + " players other than yourself");
    }
    DmKey key = DmKey.of(members);
    RoomId room = creating.with(key, () -> roomFor(key, command.caller().id()));
    requireMember(room, command.caller().id());
    rooms.find(room).ifPresent(r -> r.requirePlainAllowed("message"));
    return PostedMessage.of(
        posting.publish(command.caller(), room, RoomType.DM, content, Optional.empty()));
  }

  /** A member kicked or banned from the set's room may not post there (SPEC §4: 403). */
  private void requireMember(RoomId room, AccountId sender) {
    boolean removed = memberships.find(room, sender).filter(m -> !m.state().isMember()).isPresent();
    if (removed) throw new ForbiddenException("removed from this DM room");
  }

  private RoomId roomFor(DmKey key, AccountId sender) {
    Optional<RoomId> open = dmRooms.find(key);
    if (open.isPresent() && rooms.find(open.get()).filter(Room::isDeleted).isPresent()) {
      dmRooms.release(open.get()); // closed while its deletion was freeing the set
      open = dmRooms.find(key);
    }
    if (open.isPresent()) {
      complete(open.get(), key, sender);
      return open.get();
    }
    RoomId candidate = ids.nextRoomId();
    RoomId holder = dmRooms.claim(key, candidate);
    if (!holder.equals(candidate)) {
      complete(holder, key, sender);
      return holder;
    }
    Instant now = clock.instant();
    try {
      rooms.create(dmRoom(candidate, sender, now));
    } catch (ConflictException raced) {
      // a loser on another node completed the room first (see complete)
    }
    publisher.publish(new NewEvent(candidate, sender, now, new EventContent.RoomCreated("")));
    for (AccountId member : key.members())
      change.apply(candidate, RoomType.DM, sender, member, Membership.JOIN);
    return candidate;
  }

  /**
   * Writes what a racing creator has not written yet: the room record and absent member records. A
   * record written here joins at the head as it is now, before this node's message is appended, so
   * the members see that message; the creator's own {@code m.member} events follow.
   */
  private void complete(RoomId room, DmKey key, AccountId sender) {
    boolean ready = rooms.find(room).isPresent() && memberships.find(room, sender).isPresent();
    if (ready) return;
    Instant now = clock.instant();
    if (rooms.find(room).isEmpty()) {
      try {
        rooms.create(dmRoom(room, sender, now));
      } catch (ConflictException raced) {
        // the creator wrote it meanwhile
      }
    }
    for (AccountId member : key.members()) {
      if (memberships.find(room, member).isEmpty()) {
        memberships.record(
            new MemberChange(
                room, member, MemberState.JOINED, now, events.head(), false, Optional.empty()));
      }
    }
  }

  private static Room dmRoom(RoomId id, AccountId creator, Instant now) {
    return new Room(
        id,
        RoomType.DM,
        Optional.empty(),
        Optional.empty(),
        now,
        0,
        0,
        Optional.empty(),
        Optional.of(creator),
        Optional.empty());
  }
}
