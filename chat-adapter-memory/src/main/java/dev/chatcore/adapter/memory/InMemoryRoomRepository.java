package dev.chatcore.adapter.memory;

import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomEncryption;
import dev.chatcore.domain.room.RoomType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Rooms in a concurrent map, with the live rooms of each type kept in creation order and the
 * tombstones in deletion order, so that the listings every sync asks for cost no sorting and
 * "deleted after a cursor" is a tail of a sorted map (usually empty).
 */
public final class InMemoryRoomRepository implements RoomRepository {
  private record Created(Instant at, RoomId id) implements Comparable<Created> {
    @Override
    public int compareTo(Created o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : id.compareTo(o.id);
    }
  }

  private final Object writeLock = new Object();
  private final Map<RoomId, Room> rooms = new ConcurrentHashMap<>();
  private final Map<RoomType, NavigableMap<Created, Room>> live = new EnumMap<>(RoomType.class);
  private final NavigableMap<Long, Room> deletions = new ConcurrentSkipListMap<>();

  public InMemoryRoomRepository() {
    for (RoomType type : RoomType.values()) live.put(type, new ConcurrentSkipListMap<>());
  }

  @Override
  public void create(Room room) {
    synchronized (writeLock) {
      if (rooms.putIfAbsent(room.id(), room) != null)
        throw new ConflictException("room " + room.id() + " exists");
      live.get(room.type()).put(new Created(room.createdAt(), room.id()), room);
    }
  }

  @Override
  public Optional<Room> find(RoomId id) {
    return Optional.ofNullable(rooms.get(id));
  }

  @Override
  public List<Room> listByType(RoomType type) {
    return List.copyOf(live.get(type).values());
  }

  @Override
  public List<Room> listDeletedAfter(RoomType type, EventId after) {
    List<Room> out = new ArrayList<>(0);
    for (Room r : deletions.tailMap(after.position(), false).values()) {
      if (r.type() == type) out.add(r);
    }
    out.sort(
        (a, b) -> new Created(a.createdAt(), a.id()).compareTo(new Created(b.createdAt(), b.id())));
    return out;
  }

  @Override
  public boolean update(Room room) {
    synchronized (writeLock) {
      Room stored = rooms.get(room.id());
      if (stored == null || stored.isDeleted()) return false;
      if (stored.type() != room.type()) throw new IllegalArgumentException("a room keeps its type");
      room = stored.encryption().map(room::encrypted).orElse(room); // never turned off
      rooms.put(room.id(), room);
      live.get(stored.type()).remove(new Created(stored.createdAt(), stored.id()));
      live.get(room.type()).put(new Created(room.createdAt(), room.id()), room);
      return true;
    }
  }

  @Override
  public boolean purgeTombstone(RoomId id) {
    synchronized (writeLock) {
      Room room = rooms.get(id);
      if (room == null || !room.isDeleted()) return false;
      rooms.remove(id);
      deletions.remove(room.deletedAt().orElseThrow().position(), room);
      return true;
    }
  }

  @Override
  public boolean enableEncryption(RoomId id, RoomEncryption encryption) {
    synchronized (writeLock) {
      Room stored = rooms.get(id);
      if (stored == null || stored.isDeleted() || stored.isEncrypted()) return false;
      Room encrypted = stored.encrypted(encryption);
      rooms.put(id, encrypted);
      live.get(stored.type()).put(new Created(stored.createdAt(), stored.id()), encrypted);
      return true;
    }
  }

  @Override
  public boolean markDeleted(RoomId id, EventId deletion, Optional<EventId> replacing) {
    synchronized (writeLock) {
      Room room = rooms.get(id);
      if (room == null) return false;
      if (room.isDeleted()) {
        EventId at = room.deletedAt().orElseThrow();
        if (!replacing.filter(at::equals).isPresent()) return false;
        deletions.remove(at.position());
      }
      Room tombstone = room.deleted(deletion);
      rooms.put(id, tombstone);
      live.get(room.type()).remove(new Created(room.createdAt(), room.id()));
      deletions.put(deletion.position(), tombstone);
      return true;
    }
  }
}
