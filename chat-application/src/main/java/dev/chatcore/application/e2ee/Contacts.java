package dev.chatcore.application.e2ee;

import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.Room;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Who shares a room with whom, now: the accounts whose keys a caller may query and claim and to
 * whose devices it may send, and whose device-list changes it hears about. Sharing is judged on
 * current membership (a public room counts as shared only while both are members).
 */
public final class Contacts {
  private final RoomAccess access;

  @Inject
  public Contacts(RoomAccess access) {
    this.access = access;
  }

  /** The live rooms the account is a member of. */
  public Set<RoomId> roomsOf(AccountId account) {
    Set<RoomId> out = new HashSet<>();
    for (Room r : access.memberRooms(account)) out.add(r.id());
    return out;
  }

  /**
   * A test "shares a room with {@code viewer}, or is the viewer" that reads the viewer's rooms once
   * and each other account's rooms when asked about it.
   */
  public Predicate<AccountId> of(AccountId viewer) {
    Set<RoomId> mine = roomsOf(viewer);
    return other -> other.equals(viewer) || !Collections.disjoint(mine, roomsOf(other));
  }
}
