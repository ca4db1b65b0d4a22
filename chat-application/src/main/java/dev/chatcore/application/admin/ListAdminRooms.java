package dev.chatcore.application.admin;

import dev.chatcore.application.Caller;
import dev.chatcore.application.chat.ChatVisibility;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /chat/admin/rooms}: Chat V2 rooms (global, private, DM; {@code /v1} channels are not
 * Chat V2 rooms) with their members: one by id, the rooms of an account, or all; ordered Global,
 * Private, DM, then global rooms by number, others oldest first; paged.
 */
public final class ListAdminRooms {
  public static final int PER_PAGE = 10;
  private static final List<RoomType> ORDER =
      List.of(RoomType.GLOBAL, RoomType.PRIVATE, RoomType.DM);

  public record Query(Caller caller, Optional<RoomId> room, Optional<AccountId> account, int page) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(account, "account");
    }
  }

  public record Listed(Room room, List<AccountId> members) {}

  public record Page(List<Listed> rooms, int page, int perPage, long remaining) {}

  private final RoomRepository rooms;
  private final GlobalRoomRepository globalRooms;
  private final MembershipRepository memberships;
  private final ChatVisibility visibility;

  @Inject
  public ListAdminRooms(
      RoomRepository rooms,
      GlobalRoomRepository globalRooms,
      MembershipRepository memberships,
      ChatVisibility visibility) {
    this.rooms = rooms;
    this.globalRooms = globalRooms;
    this.memberships = memberships;
    this.visibility = visibility;
  }

  /**
   * @throws dev.chatcore.domain.error.ForbiddenException unless the caller is an admin
   * @throws InvalidInputException for a negative page
   */
  public Page list(Query query) {
    query.caller().requireAdmin();
    if (query.page() < 0) throw new InvalidInputException("page", "must be 0 or more");
    List<Room> found = new ArrayList<>();
    if (query.room().isPresent()) {
      rooms
          .find(query.room().get())
          .filter(r -> !r.isDeleted() && r.type() != RoomType.CHANNEL)
          .ifPresent(found::add);
    } else if (query.account().isPresent()) {
      AccountId account = query.account().get();
      globalRooms.roomOf(account).flatMap(g -> rooms.find(g.id())).ifPresent(found::add);
      for (RoomMember m : memberships.ofAccount(account)) {
        if (m.state() != MemberState.JOINED) continue;
        rooms
            .find(m.room())
            .filter(r -> r.type() == RoomType.PRIVATE || r.type() == RoomType.DM)
            .ifPresent(found::add);
      }
      found.removeIf(Room::isDeleted);
    } else {
      for (RoomType type : ORDER) found.addAll(rooms.listByType(type));
    }
    found.sort(
        Comparator.comparingInt((Room r) -> ORDER.indexOf(r.type()))
            .thenComparingInt(Room::number)
            .thenComparing(Room::createdAt)
            .thenComparing(Room::id));
    long from = Math.min((long) query.page() * PER_PAGE, found.size());
    List<Room> slice = found.subList((int) from, (int) Math.min(from + PER_PAGE, found.size()));
    List<Listed> listed = slice.stream().map(r -> new Listed(r, visibility.members(r))).toList();
    return new Page(listed, query.page(), PER_PAGE, found.size() - from - slice.size());
  }
}
