package dev.chatcore.domain.e2ee;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A device the server has seen: it made a request with a token naming it.
 *
 * @param lastSeen when it last made a request (coarse: stores may skip updates within a minute)
 * @param keys its published keys, once uploaded
 */
public record Device(DeviceAddress address, Instant lastSeen, Optional<DeviceKeys> keys) {
  public Device {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(keys, "keys");
  }
}
