package dev.chatcore.application.room;

import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;

/** Computes member counts, heads and unread counts: the per-caller view of a room. */
public final class RoomViews {
  /** {@code unread_count} saturates here, so a reader far behind costs a bounded count. */
  public static final long UNREAD_CAP = 1000;

  private final EventLog events;
  private final MembershipRepository memberships;
  private final GlobalRoomRepository globalRooms;
  private final AccountRepository accounts;
  private final ReceiptRepository receipts;

  @Inject
  public RoomViews(
      EventLog events,
      MembershipRepository memberships,
      GlobalRoomRepository globalRooms,
      AccountRepository accounts,
      ReceiptRepository receipts) {
    this.events = events;
    this.memberships = memberships;
    this.globalRooms = globalRooms;
    this.accounts = accounts;
    this.receipts = receipts;
  }

  public RoomView view(Room room, Account caller) {
    return new RoomView(room, memberCount(room), events.roomHead(room.id()), unread(room, caller));
  }

  /** Channels count every account but those who left, were kicked or banned. */
  public long memberCount(Room room) {
    if (room.type() == RoomType.GLOBAL) {
      return globalRooms.find(room.id()).map(g -> (long) g.memberCount()).orElse(0L);
    }
    if (room.type() != RoomType.CHANNEL) return memberships.count(room.id(), MemberState.JOINED);
    long away =
        memberships.count(room.id(), MemberState.LEFT)
            + memberships.count(room.id(), MemberState.KICKED)
            + memberships.count(room.id(), MemberState.BANNED);
    return Math.max(0, accounts.count() - away);
  }

  /** Counts after the later of the caller's joining and its read receipt. */
  private long unread(Room room, Account caller) {
    EventId joinedAt =
        memberships
            .find(room.id(), caller.id())
            .map(RoomMember::sinceEvent)
            .orElse(caller.firstSeenEvent());
    EventId readFrom =
        receipts.find(room.id(), caller.id()).filter(r -> r.isAfter(joinedAt)).orElse(joinedAt);
    return events.countMessagesAfter(room.id(), readFrom, caller.id(), UNREAD_CAP);
  }
}
