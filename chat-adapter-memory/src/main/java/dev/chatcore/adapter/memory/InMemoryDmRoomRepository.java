package dev.chatcore.adapter.memory;

import dev.chatcore.domain.chat.DmKey;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.DmRoomRepository;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The DM key index in two concurrent maps; claims and releases take one lock. */
public final class InMemoryDmRoomRepository implements DmRoomRepository {
  private final Object lock = new Object();
  private final Map<DmKey, RoomId> byKey = new ConcurrentHashMap<>();
  private final Map<RoomId, DmKey> byRoom = new ConcurrentHashMap<>();

  @Override
  public Optional<RoomId> find(DmKey key) {
    return Optional.ofNullable(byKey.get(key));
  }

  @Override
  public RoomId claim(DmKey key, RoomId candidate) {
    synchronized (lock) {
      RoomId holder = byKey.putIfAbsent(key, candidate);
      if (holder != null) return holder;
      byRoom.put(candidate, key);
      return candidate;
    }
  }

  @Override
  public void release(RoomId room) {
    synchronized (lock) {
      DmKey key = byRoom.remove(room);
      if (key != null) byKey.remove(key, room);
    }
  }
}
