package dev.chatcore.application.chat;

import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which messages of a room a Chat V2 player sees: every message of a global room; in private and DM
 * rooms only messages whose author is a current member or an admin.
 */
public final class ChatVisibility {
  private static final int MEMBERS_MAX = 10_000;

  private final GlobalRoomRepository globalRooms;
  private final MembershipRepository memberships;
  private final AccountRepository accounts;

  @Inject
  public ChatVisibility(
      GlobalRoomRepository globalRooms,
      MembershipRepository memberships,
      AccountRepository accounts) {
    this.globalRooms = globalRooms;
    this.memberships = memberships;
    this.accounts = accounts;
  }

  /** The current members of a room, ordered by account id. */
  public List<AccountId> members(Room room) {
    if (room.type() == RoomType.GLOBAL) return globalRooms.members(room.id());
    return memberships
        .inState(room.id(), MemberState.JOINED, Optional.empty(), MEMBERS_MAX)
        .stream()
        .map(RoomMember::account)
        .toList();
  }

  /** A filter for one room's messages; remembers admin look-ups for its lifetime. */
  public Filter filter(Room room, List<AccountId> members) {
    boolean everything = room.type() == RoomType.GLOBAL;
    return new Filter(everything, everything ? Set.of() : new HashSet<>(members));
  }

  /** Visibility of one room's messages; not thread-safe (one request uses it). */
  public final class Filter {
    private final boolean everything;
    private final Set<AccountId> members;
    private final Map<AccountId, Boolean> admins = new HashMap<>();

    private Filter(boolean everything, Set<AccountId> members) {
      this.everything = everything;
      this.members = members;
    }

    public boolean shows(Event message) {
      if (everything || members.contains(message.sender())) return true;
      return admins.computeIfAbsent(
          message.sender(), a -> accounts.find(a).map(Account::admin).orElse(false));
    }
  }
}
