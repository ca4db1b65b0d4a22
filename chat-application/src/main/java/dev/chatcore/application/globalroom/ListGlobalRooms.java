package dev.chatcore.application.globalroom;

import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The global rooms a player may still join (fewer than {@link Limits#globalRoomOverflowCapacity()}
 * members), by number, {@link #ROOMS_PER_PAGE} a page.
 */
public final class ListGlobalRooms {
  public static final int ROOMS_PER_PAGE = 10;

  /** One listed room with its members. */
  public record Listed(Room room, List<AccountId> members) {}

  /**
   * @param remaining open rooms after this page
   */
  public record Page(List<Listed> rooms, int page, int roomsPerPage, long remaining) {}

  private final GlobalRoomRepository globalRooms;
  private final GlobalRoomEvents events;
  private final Limits limits;

  @Inject
  public ListGlobalRooms(GlobalRoomRepository globalRooms, GlobalRoomEvents events, Limits limits) {
    this.globalRooms = globalRooms;
    this.events = events;
    this.limits = limits;
  }

  /**
   * @throws InvalidInputException for a negative page ({@code page})
   */
  public Page list(int page) {
    if (page < 0) throw new InvalidInputException("page", "must not be negative");
    int below = limits.globalRoomOverflowCapacity();
    long offset = (long) page * ROOMS_PER_PAGE;
    if (offset > Integer.MAX_VALUE) throw new InvalidInputException("page", "is too large");
    List<GlobalRoom> rooms = globalRooms.listOpen(below, (int) offset, ROOMS_PER_PAGE);
    long remaining = Math.max(0, globalRooms.countOpen(below) - offset - rooms.size());
    List<Listed> listed =
        rooms.stream()
            .map(g -> new Listed(events.roomRecord(g), globalRooms.members(g.id())))
            .toList();
    return new Page(listed, page, ROOMS_PER_PAGE, remaining);
  }
}
