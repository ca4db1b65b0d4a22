package dev.chatcore.adapter.memory;

import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.chat.Seat;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.GlobalRoomRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Global room seats in memory. Every change takes one lock, so a seat change, the two member sets
 * and the counts move together; reads take none ({@link #roomOf} is the hot path: one map lookup
 * per player request).
 */
public final class InMemoryGlobalRoomRepository implements GlobalRoomRepository {
  private record Entry(RoomId id, int number, Instant createdAt, Set<AccountId> members) {
    GlobalRoom view() {
      return new GlobalRoom(id, number, createdAt, members.size());
    }
  }

  private final Object lock = new Object();
  private final Map<AccountId, RoomId> seats = new ConcurrentHashMap<>();
  private final Map<RoomId, Entry> rooms = new ConcurrentHashMap<>();
  private final TreeMap<Integer, Entry> byNumber = new TreeMap<>(); // guarded by lock
  private volatile List<Entry> numbered =
      List.of(); // copy of byNumber.values() for lock-free listing

  @Override
  public Optional<GlobalRoom> roomOf(AccountId account) {
    RoomId id = seats.get(account);
    return id == null ? Optional.empty() : Optional.ofNullable(rooms.get(id)).map(Entry::view);
  }

  @Override
  public Optional<GlobalRoom> find(RoomId room) {
    return Optional.ofNullable(rooms.get(room)).map(Entry::view);
  }

  @Override
  public List<AccountId> members(RoomId room) {
    Entry e = rooms.get(room);
    return e == null ? List.of() : List.copyOf(e.members());
  }

  @Override
  public Seat place(
      AccountId account, int capacity, Set<RoomId> excluded, RoomId newRoom, Instant now) {
    synchronized (lock) {
      RoomId current = seats.get(account);
      if (current != null)
        return new Seat(rooms.get(current).view(), Optional.empty(), false, false);
      Entry best = null;
      for (Entry e : byNumber.values()) {
        int size = e.members().size();
        if (size >= capacity || excluded.contains(e.id())) continue;
        if (best == null || size > best.members().size()) best = e;
      }
      boolean created = best == null;
      if (created) {
        int number = byNumber.isEmpty() ? 1 : byNumber.lastKey() + 1;
        best = new Entry(newRoom, number, now, new ConcurrentSkipListSet<>());
        rooms.put(newRoom, best);
        byNumber.put(number, best);
        numbered = List.copyOf(byNumber.values());
      }
      best.members().add(account);
      seats.put(account, best.id());
      return new Seat(best.view(), Optional.empty(), true, created);
    }
  }

  @Override
  public Seat move(AccountId account, RoomId target, int capacity) {
    synchronized (lock) {
      Entry to = rooms.get(target);
      if (to == null) throw new NotFoundException("global room not found");
      RoomId current = seats.get(account);
      if (target.equals(current)) return new Seat(to.view(), Optional.empty(), false, false);
      if (to.members().size() >= capacity) throw new ConflictException("room is full");
      Optional<GlobalRoom> left = Optional.empty();
      if (current != null) {
        Entry from = rooms.get(current);
        from.members().remove(account);
        left = Optional.of(from.view());
      }
      to.members().add(account);
      seats.put(account, target);
      return new Seat(to.view(), left, true, false);
    }
  }

  @Override
  public Optional<GlobalRoom> remove(AccountId account) {
    synchronized (lock) {
      RoomId current = seats.remove(account);
      if (current == null) return Optional.empty();
      Entry from = rooms.get(current);
      from.members().remove(account);
      return Optional.of(from.view());
    }
  }

  @Override
  public List<GlobalRoom> listOpen(int below, int offset, int limit) {
    List<GlobalRoom> out = new ArrayList<>(Math.min(limit, 64));
    int skipped = 0;
    for (Entry e : numbered) {
      if (out.size() == limit) break;
      if (e.members().size() >= below) continue;
      if (skipped++ < offset) continue;
      out.add(e.view());
    }
    return out;
  }

  @Override
  public long countOpen(int below) {
    return numbered.stream().filter(e -> e.members().size() < below).count();
  }
}
