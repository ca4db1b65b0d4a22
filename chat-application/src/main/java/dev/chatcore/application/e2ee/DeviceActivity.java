package dev.chatcore.application.e2ee;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.port.DeviceRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Records when a device was last seen. A device syncs many times a minute; a bounded cache keeps
 * that to one store write per device and {@link #RESOLUTION} on each node, which is all the
 * precision {@code last_seen_ts} promises. One per core: the sync that records a device and the
 * deletion that forgets it must see the same cache.
 */
@Singleton
public final class DeviceActivity {
  /** Last-seen times are exact to this. */
  static final Duration RESOLUTION = Duration.ofMinutes(1);

  private final DeviceRepository devices;
  private final Clock clock;
  private final Cache<DeviceAddress, Instant> written =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterWrite(RESOLUTION).build();

  @Inject
  public DeviceActivity(DeviceRepository devices, Clock clock) {
    this.devices = devices;
    this.clock = clock;
  }

  /** The device made a request now; creates it on first sight. */
  public void seen(DeviceAddress device) {
    if (written.getIfPresent(device) != null) return;
    Instant now = clock.instant();
    devices.touch(device, now);
    written.put(device, now);
  }

  /**
   * Forgets what was written for the device (it was deleted: its next request creates it again).
   */
  public void forget(DeviceAddress device) {
    written.invalidate(device);
  }
}
