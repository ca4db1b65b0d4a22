package dev.chatcore.domain.port;

import dev.chatcore.domain.e2ee.Device;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Devices, their published keys, and the stream positions at which an account's device list
 * changed. Thread-safe; every method is atomic per device.
 */
public interface DeviceRepository {

  /** What {@link #storeKeys} did. */
  enum KeyUpload {
    /** The device had no keys: now it has these (its account's device list changed). */
    NEW,
    /** The device had other keys with the same identity: replaced (the device list changed). */
    REPLACED,
    /** The device had exactly these keys: nothing changed. */
    UNCHANGED,
    /** The device has keys of another identity: nothing was stored. */
    IDENTITY_MISMATCH
  }

  /**
   * Records that the device made a request at {@code at}, creating the device when new. Last-seen
   * only moves forward.
   */
  void touch(DeviceAddress device, Instant at);

  /**
   * Stores the device's keys unless it already has keys of another identity ({@link
   * DeviceKeys#sameIdentityAs}), creating the device when new. Atomic: of two concurrent uploads
   * with different identities for a new device, exactly one is stored and the other gets {@link
   * KeyUpload#IDENTITY_MISMATCH}.
   */
  KeyUpload storeKeys(DeviceAddress device, DeviceKeys keys, Instant at);

  Optional<Device> find(DeviceAddress device);

  /** The account's devices, by device id. */
  List<Device> ofAccount(AccountId account);

  /** Forgets the device and its keys; false when there was none. */
  boolean delete(DeviceAddress device);

  /**
   * Records that {@code account}'s device list changed at stream position {@code at} (stored before
   * that position is readable). {@code replacing}: the position the same change was given before,
   * which the log did not keep; its record moves to {@code at}.
   */
  void recordChange(AccountId account, EventId at, Optional<EventId> replacing);

  /** Accounts with a device-list change at a position in {@code (after, upTo]}. */
  Set<AccountId> changedBetween(EventId after, EventId upTo);
}
