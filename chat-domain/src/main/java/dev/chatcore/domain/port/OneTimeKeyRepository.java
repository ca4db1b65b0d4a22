package dev.chatcore.domain.port;

import dev.chatcore.domain.e2ee.ClaimedKey;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.OneTimeKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one-time and fallback keys of devices. The property that matters: a one-time key is handed
 * out by {@link #claim} at most once, under any number of concurrent claims on any number of nodes,
 * because each claim takes a key out in one atomic store operation. Thread-safe.
 */
public interface OneTimeKeyRepository {

  /**
   * Adds one-time keys to the device. A key whose id the device already has with the same value is
   * skipped (an upload retried); one with another value is not stored and its id is returned.
   *
   * @return the ids refused because the device holds another key under them
   */
  List<String> add(DeviceAddress device, List<OneTimeKey> keys);

  /**
   * How many unclaimed one-time keys the device has, by algorithm (algorithms with none left out).
   */
  Map<String, Long> counts(DeviceAddress device);

  /**
   * Takes one of the device's one-time keys of {@code algorithm} out, in one atomic operation, so
   * no other claim can get it. When none is left, the device's fallback key of that algorithm is
   * returned instead and marked used; it stays, and later claims get it again, until the device
   * uploads a new one.
   *
   * @return empty when the device has neither
   */
  Optional<ClaimedKey> claim(DeviceAddress device, String algorithm);

  /**
   * Sets the device's fallback key for the key's algorithm, replacing the previous one. Uploading
   * the same key again keeps its "used" mark; a different key starts unused.
   */
  void setFallback(DeviceAddress device, OneTimeKey key);

  /** Algorithms of the device's fallback keys that no claim has handed out yet. */
  Set<String> unusedFallbackAlgorithms(DeviceAddress device);

  /** Forgets every one-time and fallback key of the device. */
  void deleteDevice(DeviceAddress device);
}
