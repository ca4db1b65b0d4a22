package dev.chatcore.adapter.memory;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.room.MemberChange;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Membership records indexed by room and by account. Writes take one lock so both indexes change
 * together; reads take none.
 */
public final class InMemoryMembershipRepository implements MembershipRepository {
  private final Object writeLock = new Object();
  private final Map<RoomId, NavigableMap<AccountId, RoomMember>> byRoom = new ConcurrentHashMap<>();
  private final Map<AccountId, Map<RoomId, RoomMember>> byAccount = new ConcurrentHashMap<>();

  @Override
  public Optional<RoomMember> find(RoomId room, AccountId account) {
    Map<RoomId, RoomMember> records = byAccount.get(account);
    return records == null ? Optional.empty() : Optional.ofNullable(records.get(room));
  }

  @Override
  public void put(RoomMember member) {
    synchronized (writeLock) {
      byRoom
          .computeIfAbsent(member.room(), r -> new ConcurrentSkipListMap<>())
          .put(member.account(), member);
      byAccount
          .computeIfAbsent(member.account(), a -> new ConcurrentHashMap<>())
          .put(member.room(), member);
    }
  }

  @Override
  public RoomMember record(MemberChange change) {
    synchronized (writeLock) {
      RoomMember next = change.appliedTo(find(change.room(), change.account()));
      put(next);
      return next;
    }
  }

  @Override
  public boolean joinIfBelow(MemberChange change, long capacity) {
    if (change.state() != MemberState.JOINED)
      throw new IllegalArgumentException("joinIfBelow needs a JOINED change");
    synchronized (writeLock) {
      boolean already =
          find(change.room(), change.account())
              .filter(m -> m.state() == MemberState.JOINED)
              .isPresent();
      if (!already && count(change.room(), MemberState.JOINED) >= capacity) return false;
      record(change);
      return true;
    }
  }

  @Override
  public List<RoomMember> ofAccount(AccountId account) {
    Map<RoomId, RoomMember> records = byAccount.get(account);
    return records == null ? List.of() : List.copyOf(records.values());
  }

  @Override
  public List<RoomMember> inState(
      RoomId room, MemberState state, Optional<AccountId> fromExclusive, int limit) {
    NavigableMap<AccountId, RoomMember> records = byRoom.get(room);
    if (records == null) return List.of();
    NavigableMap<AccountId, RoomMember> tail =
        fromExclusive.map(f -> records.tailMap(f, false)).orElse(records);
    List<RoomMember> out = new ArrayList<>();
    for (RoomMember m : tail.values()) {
      if (out.size() == limit) break;
      if (m.state() == state) out.add(m);
    }
    return out;
  }

  @Override
  public long count(RoomId room, MemberState state) {
    NavigableMap<AccountId, RoomMember> records = byRoom.get(room);
    if (records == null) return 0;
    return records.values().stream().filter(m -> m.state() == state).count();
  }

  @Override
  public void deleteRoom(RoomId room) {
    synchronized (writeLock) {
      NavigableMap<AccountId, RoomMember> records = byRoom.remove(room);
      if (records == null) return;
      for (AccountId account : records.keySet()) {
        Map<RoomId, RoomMember> of = byAccount.get(account);
        if (of != null) of.remove(room);
      }
    }
  }
}
