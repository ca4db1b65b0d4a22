package dev.chatcore.application.chat;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The unread principle of Chat V2: a player's rooms (at most {@link #ROOMS_MAX}: its global room,
 * then private rooms, then DMs, each group by latest membership change first) with the visible
 * messages created since {@code lastRead}, oldest first, at most {@code min(100 × rooms, 1000)} in
 * all; the cap never splits messages sharing the last included timestamp. Plus every active
 * announcement. Reads only the player's rooms, each through the log's per-room time index.
 */
public final class ReadRoomUpdates {
  public static final int ROOMS_MAX = 100;
  public static final int MESSAGES_PER_ROOM = 100;
  public static final int MESSAGES_MAX = 1000;

  /**
   * How many times the player's rooms are read again when they changed while the messages were
   * read. Once they hold still, every room added later gets only messages stamped after everything
   * this answer returns, so a client that moves its {@code lastRead} to the newest message it got
   * misses none of them.
   */
  static final int SETTLE_ROUNDS = 3;

  /** Most raw messages read from one room to find enough visible ones (bounds the cost). */
  static final int SCAN_MAX = 16 * MESSAGES_MAX;

  /**
   * @param lastRead what the client has already seen
   */
  public record Query(Caller caller, LastRead lastRead) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(lastRead, "lastRead");
    }
  }

  private final GlobalRoomRepository globalRooms;
  private final MembershipRepository memberships;
  private final RoomRepository rooms;
  private final EventLog events;
  private final AnnouncementRepository announcements;
  private final ChatVisibility visibility;
  private final Clock clock;

  @Inject
  public ReadRoomUpdates(
      GlobalRoomRepository globalRooms,
      MembershipRepository memberships,
      RoomRepository rooms,
      EventLog events,
      AnnouncementRepository announcements,
      ChatVisibility visibility,
      Clock clock) {
    this.globalRooms = globalRooms;
    this.memberships = memberships;
    this.rooms = rooms;
    this.events = events;
    this.announcements = announcements;
    this.visibility = visibility;
    this.clock = clock;
  }

  /**
   * The client's {@code lastRead} against this core's clock (missing: now minus one day).
   *
   * @throws dev.chatcore.domain.error.InvalidInputException for a negative value
   */
  public LastRead lastRead(Optional<Long> raw) {
    return LastRead.of(raw, clock.instant());
  }

  public RoomUpdates read(Query query) {
    LastRead lastRead = query.lastRead();
    Map<RoomId, List<AccountId>> members = new HashMap<>();
    Map<RoomId, List<Event>> candidates = new HashMap<>();
    List<Room> playerRooms = roomsOf(query.caller().id());
    // one cap for every room read, also those found later: each room's candidates then reach the
    // cap's edge, so the oldest-first selection below never passes a message it did not read
    int cap = Math.min(MESSAGES_PER_ROOM * playerRooms.size(), MESSAGES_MAX);
    for (int round = 0; round < SETTLE_ROUNDS; round++) {
      for (Room room : playerRooms) {
        if (members.containsKey(room.id())) continue;
        List<AccountId> m = visibility.members(room);
        members.put(room.id(), m);
        candidates.put(room.id(), visibleSince(room, visibility.filter(room, m), lastRead, cap));
      }
      List<Room> now = roomsOf(query.caller().id());
      if (now.stream().allMatch(r -> members.containsKey(r.id()))) break;
      playerRooms = now; // placed in or added to a room while this ran: read it too
    }
    playerRooms =
        playerRooms.stream()
            .filter(r -> members.containsKey(r.id()))
            .toList(); // rooms still moving wait
    List<Event> all = new ArrayList<>();
    for (Room room : playerRooms) all.addAll(candidates.get(room.id()));
    Map<RoomId, List<Event>> byRoom = new HashMap<>();
    for (Event e : capped(all, lastRead, cap))
      byRoom.computeIfAbsent(e.room(), r -> new ArrayList<>()).add(e);
    List<RoomUpdate> updates = new ArrayList<>(playerRooms.size());
    for (Room room : playerRooms) {
      updates.add(
          new RoomUpdate(room, members.get(room.id()), byRoom.getOrDefault(room.id(), List.of())));
    }
    return new RoomUpdates(updates, announcements.active(clock.instant()), lastRead.millis());
  }

  /**
   * Global room first, then private rooms, then DMs; within a type the latest membership change
   * first.
   */
  private List<Room> roomsOf(AccountId player) {
    List<Room> out = new ArrayList<>();
    globalRooms
        .roomOf(player)
        .flatMap(g -> rooms.find(g.id()))
        .filter(r -> !r.isDeleted())
        .ifPresent(out::add);
    List<RoomMember> others = new ArrayList<>();
    Map<RoomId, Room> found = new HashMap<>();
    for (RoomMember m : memberships.ofAccount(player)) {
      if (m.state() != MemberState.JOINED) continue;
      Optional<Room> room =
          rooms
              .find(m.room())
              .filter(
                  r -> !r.isDeleted() && (r.type() == RoomType.PRIVATE || r.type() == RoomType.DM));
      if (room.isEmpty()) continue;
      found.put(m.room(), room.get());
      others.add(m);
    }
    others.sort(
        Comparator.comparing(
                (RoomMember m) -> found.get(m.room()).type() == RoomType.PRIVATE ? 0 : 1)
            .thenComparing(RoomMember::since, Comparator.reverseOrder())
            .thenComparing(RoomMember::room));
    for (RoomMember m : others) {
      if (out.size() == ROOMS_MAX) break;
      out.add(found.get(m.room()));
    }
    return out;
  }

  /**
   * The room's visible messages since {@code lastRead}: at least {@code want} (when that many
   * exist) and then every one sharing the timestamp of the {@code want}-th, nothing later.
   */
  private List<Event> visibleSince(
      Room room, ChatVisibility.Filter filter, LastRead lastRead, int want) {
    int limit = want + 1;
    while (true) {
      List<Event> raw = events.readMessagesSince(room.id(), lastRead.from(), limit);
      List<Event> visible = new ArrayList<>(raw.size());
      for (Event e : raw) if (filter.shows(e)) visible.add(e);
      boolean exhausted = raw.size() < limit;
      boolean tiesComplete =
          visible.size() >= want
              && lastRead.unit(raw.getLast().originTs())
                  > lastRead.unit(visible.get(want - 1).originTs());
      if (exhausted || tiesComplete || limit >= SCAN_MAX) return upToEdge(visible, lastRead, want);
      limit = Math.min(SCAN_MAX, limit * 2);
    }
  }

  private List<Event> capped(List<Event> candidates, LastRead lastRead, int cap) {
    candidates.sort(Comparator.comparing(Event::originTs).thenComparing(Event::id));
    return upToEdge(candidates, lastRead, cap);
  }

  /** The first {@code cap} of time-ordered messages plus those sharing the last one's timestamp. */
  private static List<Event> upToEdge(List<Event> ordered, LastRead lastRead, int cap) {
    if (ordered.size() <= cap) return ordered;
    if (cap == 0) return List.of();
    long edge = lastRead.unit(ordered.get(cap - 1).originTs());
    int end = cap;
    while (end < ordered.size() && lastRead.unit(ordered.get(end).originTs()) == edge) end++;
    return ordered.subList(0, end);
  }
}
