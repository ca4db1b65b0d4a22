package dev.chatcore.application.member;

import dev.chatcore.application.Caller;
import dev.chatcore.application.room.RoomAccess;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The current members of a room the caller may see, paged by account id. Channels list every
 * account except those who left, were kicked or are banned; other rooms their JOINED records.
 */
public final class ListMembers {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 100;

  /**
   * @param from exclusive: start after this account id
   * @param limit page size; empty means {@value #DEFAULT_LIMIT}, above {@value #MAX_LIMIT} is
   *     clamped
   */
  public record Query(Caller caller, RoomId room, Optional<AccountId> from, OptionalInt limit) {
    public Query {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(room, "room");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(limit, "limit");
    }
  }

  private final MembershipRepository memberships;
  private final AccountRepository accounts;
  private final RoomAccess access;

  @Inject
  public ListMembers(
      MembershipRepository memberships, AccountRepository accounts, RoomAccess access) {
    this.memberships = memberships;
    this.accounts = accounts;
    this.access = access;
  }

  /**
   * @throws InvalidInputException when the limit is below 1
   * @throws dev.chatcore.domain.error.NotFoundException when the room does not exist or is hidden
   */
  public MemberPage list(Query query) {
    int limit = query.limit().orElse(DEFAULT_LIMIT);
    if (limit < 1) throw new InvalidInputException("limit", "must be at least 1");
    limit = Math.min(limit, MAX_LIMIT);
    Room room = access.visibleRoom(query.caller().id(), query.caller().admin(), query.room());
    List<MemberView> found =
        room.type() == RoomType.CHANNEL
            ? channelMembers(room, query.from(), limit + 1)
            : recordedMembers(room, query.from(), limit + 1);
    boolean more = found.size() > limit;
    List<MemberView> page = more ? found.subList(0, limit) : found;
    return new MemberPage(page, more ? Optional.of(page.getLast().account()) : Optional.empty());
  }

  private List<MemberView> recordedMembers(Room room, Optional<AccountId> from, int wanted) {
    List<MemberView> out = new ArrayList<>(wanted);
    for (RoomMember m : memberships.inState(room.id(), MemberState.JOINED, from, wanted)) {
      String name = accounts.find(m.account()).map(Account::displayName).orElse("");
      out.add(new MemberView(m.account(), name, m.since()));
    }
    return out;
  }

  /** Walks the accounts in id order, skipping those whose record says they are out. */
  private List<MemberView> channelMembers(Room room, Optional<AccountId> from, int wanted) {
    List<MemberView> out = new ArrayList<>(wanted);
    Optional<AccountId> cursor = from;
    while (out.size() < wanted) {
      List<Account> batch = accounts.list(cursor, wanted);
      for (Account a : batch) {
        Optional<RoomMember> record = memberships.find(room.id(), a.id());
        if (record.isPresent() && !record.get().state().isMember()) continue;
        Instant joined =
            record
                .map(RoomMember::since)
                .orElse(a.firstSeen().isAfter(room.createdAt()) ? a.firstSeen() : room.createdAt());
        out.add(new MemberView(a.id(), a.displayName(), joined));
        if (out.size() == wanted) break;
      }
      if (batch.size() < wanted) break;
      cursor = Optional.of(batch.getLast().id());
    }
    return out;
  }
}
