package dev.chatcore.adapter.memory;

import dev.chatcore.domain.e2ee.Device;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.DeviceRepository;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Devices in a map keyed by address, each updated atomically with {@link Map#compute}; device-list
 * changes in a map sorted by position.
 */
public final class InMemoryDeviceRepository implements DeviceRepository {
  private final Map<DeviceAddress, Device> devices = new ConcurrentHashMap<>();
  private final NavigableMap<Long, AccountId> changes = new ConcurrentSkipListMap<>();

  @Override
  public void touch(DeviceAddress device, Instant at) {
    devices.compute(
        device,
        (d, stored) -> {
          if (stored == null) return new Device(d, at, Optional.empty());
          return at.isAfter(stored.lastSeen()) ? new Device(d, at, stored.keys()) : stored;
        });
  }

  @Override
  public KeyUpload storeKeys(DeviceAddress device, DeviceKeys keys, Instant at) {
    KeyUpload[] result = new KeyUpload[1];
    devices.compute(
        device,
        (d, stored) -> {
          Instant seen = stored == null || at.isAfter(stored.lastSeen()) ? at : stored.lastSeen();
          Optional<DeviceKeys> old = stored == null ? Optional.empty() : stored.keys();
          result[0] = outcome(old, keys);
          if (result[0] == KeyUpload.IDENTITY_MISMATCH || result[0] == KeyUpload.UNCHANGED)
            return stored;
          return new Device(d, seen, Optional.of(keys));
        });
    return result[0];
  }

  static KeyUpload outcome(Optional<DeviceKeys> old, DeviceKeys keys) {
    if (old.isEmpty()) return KeyUpload.NEW;
    if (!old.get().sameIdentityAs(keys)) return KeyUpload.IDENTITY_MISMATCH;
    return old.get().equals(keys) ? KeyUpload.UNCHANGED : KeyUpload.REPLACED;
  }

  @Override
  public Optional<Device> find(DeviceAddress device) {
    return Optional.ofNullable(devices.get(device));
  }

  @Override
  public List<Device> ofAccount(AccountId account) {
    return devices.values().stream()
        .filter(d -> d.address().account().equals(account))
        .sorted((a, b) -> a.address().device().compareTo(b.address().device()))
        .toList();
  }

  @Override
  public boolean delete(DeviceAddress device) {
    return devices.remove(device) != null;
  }

  @Override
  public void recordChange(AccountId account, EventId at, Optional<EventId> replacing) {
    changes.put(at.position(), account);
    replacing.ifPresent(r -> changes.remove(r.position(), account));
  }

  @Override
  public Set<AccountId> changedBetween(EventId after, EventId upTo) {
    if (!upTo.isAfter(after)) return Set.of();
    return new HashSet<>(changes.subMap(after.position(), false, upTo.position(), true).values());
  }
}
