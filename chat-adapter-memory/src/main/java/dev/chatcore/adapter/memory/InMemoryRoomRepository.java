package dev.chatcore.adapter.memory;

import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomType;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Rooms in a concurrent map, with an index by type. */
public final class InMemoryRoomRepository implements RoomRepository {
  private final Map<RoomId, Room> rooms = new ConcurrentHashMap<>();
  private final Map<RoomType, Map<RoomId, Room>> index = new EnumMap<>(RoomType.class);

  public InMemoryRoomRepository() {
    for (RoomType type : RoomType.values()) index.put(type, new ConcurrentHashMap<>());
  }

  @Override
  public void create(Room room) {
    if (rooms.putIfAbsent(room.id(), room) != null) {
      throw new ConflictException("room " + room.id() + " exists");
    }
    index.get(room.type()).put(room.id(), room);
  }

  @Override
  public Optional<Room> find(RoomId id) {
    return Optional.ofNullable(rooms.get(id));
  }

  @Override
  public List<Room> listByType(RoomType type) {
    return byType(type).filter(r -> !r.isDeleted()).toList();
  }

  @Override
  public List<Room> listDeletedAfter(RoomType type, EventId after) {
    return byType(type).filter(r -> r.deletedAt().filter(d -> d.isAfter(after)).isPresent()).toList();
  }

  private java.util.stream.Stream<Room> byType(RoomType type) {
    Map<RoomId, Room> ofType = index.get(type);
    return ofType.values().stream().sorted(Comparator.comparing(Room::createdAt).thenComparing(Room::id));
  }

  @Override
  public boolean update(Room room) {
    boolean[] changed = new boolean[1];
    rooms.computeIfPresent(room.id(), (k, stored) -> {
      if (stored.type() != room.type()) throw new IllegalArgumentException("a room keeps its type");
      if (stored.isDeleted()) return stored;
      changed[0] = true;
      index.get(room.type()).put(room.id(), room);
      return room;
    });
    return changed[0];
  }

  @Override
  public boolean purgeTombstone(RoomId id) {
    Room room = rooms.get(id);
    if (room == null || !room.isDeleted() || !rooms.remove(id, room)) return false;
    index.get(room.type()).remove(id, room);
    return true;
  }

  @Override
  public boolean markDeleted(RoomId id, EventId deletion) {
    boolean[] changed = new boolean[1];
    rooms.computeIfPresent(id, (k, room) -> {
      if (room.isDeleted()) return room;
      changed[0] = true;
      Room tombstone = room.deleted(deletion);
      index.get(room.type()).put(id, tombstone);
      return tombstone;
    });
    return changed[0];
  }
}
