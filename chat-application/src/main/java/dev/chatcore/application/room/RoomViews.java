package dev.chatcore.application.room;

import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;

/** Computes member counts, heads and unread counts: the per-caller view of a room. */
public final class RoomViews {
  /** {@code unread_count} saturates here, so a reader far behind costs a bounded count. */
  public static final long UNREAD_CAP = 1000;

  private final ChatStorage storage;

  @Inject
  public RoomViews(ChatStorage storage) {
    this.storage = storage;
  }

  public RoomView view(Room room, Account caller) {
    return new RoomView(room, memberCount(room), storage.events().roomHead(room.id()), unread(room, caller));
  }

  /** Channels count every account but those who left, were kicked or banned. */
  public long memberCount(Room room) {
    if (room.type() == RoomType.GLOBAL) {
      return storage.globalRooms().find(room.id()).map(g -> (long) g.memberCount()).orElse(0L);
    }
    if (room.type() != RoomType.CHANNEL) return storage.memberships().count(room.id(), MemberState.JOINED);
    long away = storage.memberships().count(room.id(), MemberState.LEFT)
        + storage.memberships().count(room.id(), MemberState.KICKED)
        + storage.memberships().count(room.id(), MemberState.BANNED);
    return Math.max(0, storage.accounts().count() - away);
  }

  /** Counts after the later of the caller's joining and its read receipt. */
  private long unread(Room room, Account caller) {
    EventId joinedAt = storage.memberships().find(room.id(), caller.id())
        .map(RoomMember::sinceEvent)
        .orElse(caller.firstSeenEvent());
    EventId readFrom = storage.receipts().find(room.id(), caller.id()).filter(r -> r.isAfter(joinedAt)).orElse(joinedAt);
    return storage.events().countMessagesAfter(room.id(), readFrom, caller.id(), UNREAD_CAP);
  }
}
