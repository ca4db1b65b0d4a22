package dev.chatcore.adapter.memory;

import dev.chatcore.domain.e2ee.ClaimedKey;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.OneTimeKey;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each device's keys under that device's own monitor: a claim removes its key while holding it, so
 * two claims can never take the same key, and claims on different devices never wait for each
 * other.
 */
public final class InMemoryOneTimeKeyRepository implements OneTimeKeyRepository {
  /** One device's keys; guarded by its monitor. */
  private static final class Keys {
    /** Unclaimed one-time keys by id, in upload order. */
    final Map<String, OneTimeKey> oneTime = new LinkedHashMap<>();

    /** Fallback keys by algorithm, with whether a claim has handed them out. */
    final Map<String, Fallback> fallbacks = new HashMap<>();
  }

  private record Fallback(OneTimeKey key, boolean used) {}

  private final Map<DeviceAddress, Keys> devices = new ConcurrentHashMap<>();

  private Keys of(DeviceAddress device) {
    return devices.computeIfAbsent(device, d -> new Keys());
  }

  @Override
  public List<String> add(DeviceAddress device, List<OneTimeKey> keys) {
    List<String> refused = new ArrayList<>();
    Keys mine = of(device);
    synchronized (mine) {
      for (OneTimeKey k : keys) {
        OneTimeKey stored = mine.oneTime.putIfAbsent(k.id(), k);
        if (stored != null && !stored.equals(k)) refused.add(k.id());
      }
    }
    return refused;
  }

  @Override
  public Map<String, Long> counts(DeviceAddress device) {
    Keys mine = devices.get(device);
    if (mine == null) return Map.of();
    Map<String, Long> counts = new HashMap<>();
    synchronized (mine) {
      for (OneTimeKey k : mine.oneTime.values()) counts.merge(k.algorithm(), 1L, Long::sum);
    }
    return counts;
  }

  @Override
  public Optional<ClaimedKey> claim(DeviceAddress device, String algorithm) {
    Keys mine = devices.get(device);
    if (mine == null) return Optional.empty();
    synchronized (mine) {
      for (Iterator<OneTimeKey> it = mine.oneTime.values().iterator(); it.hasNext(); ) {
        OneTimeKey k = it.next();
        if (!k.algorithm().equals(algorithm)) continue;
        it.remove();
        return Optional.of(new ClaimedKey(k, false));
      }
      Fallback fallback = mine.fallbacks.get(algorithm);
      if (fallback == null) return Optional.empty();
      mine.fallbacks.put(algorithm, new Fallback(fallback.key(), true));
      return Optional.of(new ClaimedKey(fallback.key(), true));
    }
  }

  @Override
  public void setFallback(DeviceAddress device, OneTimeKey key) {
    Keys mine = of(device);
    synchronized (mine) {
      Fallback old = mine.fallbacks.get(key.algorithm());
      boolean used = old != null && old.key().equals(key) && old.used();
      mine.fallbacks.put(key.algorithm(), new Fallback(key, used));
    }
  }

  @Override
  public Set<String> unusedFallbackAlgorithms(DeviceAddress device) {
    Keys mine = devices.get(device);
    if (mine == null) return Set.of();
    Set<String> out = new HashSet<>();
    synchronized (mine) {
      mine.fallbacks.forEach(
          (algorithm, f) -> {
            if (!f.used()) out.add(algorithm);
          });
    }
    return out;
  }

  @Override
  public void deleteDevice(DeviceAddress device) {
    Keys mine = devices.remove(device);
    if (mine == null) return;
    synchronized (mine) { // a claim holding the old set finishes first; later calls see no keys
      mine.oneTime.clear();
      mine.fallbacks.clear();
    }
  }
}
