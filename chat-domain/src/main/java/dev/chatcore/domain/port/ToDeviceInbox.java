package dev.chatcore.domain.port;

import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.e2ee.ToDeviceSend;
import dev.chatcore.domain.id.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The inboxes of devices: to-device messages waiting until their device has synced past them.
 * Thread-safe.
 *
 * <p>A send is stored at the stream position it took, before that position is readable (the log's
 * before-visible hook), so a reader that reads the log head and then an inbox up to that head finds
 * every message at or below it (docs/architecture.md, "To-device messages").
 */
public interface ToDeviceInbox {

  /**
   * Stores every message of the send, atomically: all recipients get it or none. At most one send
   * per {@link ToDeviceSend#key()} is ever stored.
   *
   * @param replacing the position the same send was stored at before, which the log did not keep:
   *     the stored send moves to the new position
   * @return false, storing nothing, when a send with that key is stored already (at a position
   *     other than {@code replacing})
   */
  boolean store(ToDeviceSend send, Optional<EventId> replacing);

  /** True when a send with that key was stored (and has not expired). */
  boolean contains(String sendKey);

  /**
   * The device's messages at positions in {@code (after, upTo]}, by position, at most {@code
   * limit}.
   */
  List<ToDeviceMessage> read(DeviceAddress device, EventId after, EventId upTo, int limit);

  /**
   * Removes the device's messages at positions up to {@code upTo}: the device synced past them.
   * Other recipients of the same sends keep theirs.
   *
   * @return how many were removed
   */
  long acknowledge(DeviceAddress device, EventId upTo);

  /** Removes every message waiting for the device (it was deleted). */
  void deleteDevice(DeviceAddress device);

  /**
   * Drops sends that expired at or before {@code now}, delivered or not (and with them the memory
   * of their transaction ids). Idempotent.
   *
   * @return how many sends were dropped
   */
  long purgeExpired(Instant now);
}
