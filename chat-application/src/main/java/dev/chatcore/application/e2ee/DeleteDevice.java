package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.ToDeviceInbox;
import jakarta.inject.Inject;

/**
 * {@code DELETE /v1/devices/{device_id}}: forgets one of the caller's devices with its keys and its
 * waiting to-device messages, and tells the caller's contacts that its device list changed (so they
 * stop encrypting for that device). A token naming the device keeps working; the device comes back
 * without keys when it makes a request.
 */
public final class DeleteDevice {
  private final DeviceRepository devices;
  private final OneTimeKeyRepository oneTimeKeys;
  private final ToDeviceInbox toDeviceInbox;
  private final DeviceLists deviceLists;
  private final DeviceActivity activity;

  @Inject
  public DeleteDevice(
      DeviceRepository devices,
      OneTimeKeyRepository oneTimeKeys,
      ToDeviceInbox toDeviceInbox,
      DeviceLists deviceLists,
      DeviceActivity activity) {
    this.devices = devices;
    this.oneTimeKeys = oneTimeKeys;
    this.toDeviceInbox = toDeviceInbox;
    this.deviceLists = deviceLists;
    this.activity = activity;
  }

  /**
   * @throws dev.chatcore.domain.error.InvalidInputException when the caller has no device
   * @throws NotFoundException when the caller has no such device
   */
  public void delete(Caller caller, DeviceId device) {
    caller.requireDevice();
    DeviceAddress gone = new DeviceAddress(caller.id(), device);
    if (!devices.delete(gone)) throw new NotFoundException("device not found");
    oneTimeKeys.deleteDevice(gone);
    toDeviceInbox.deleteDevice(gone);
    activity.forget(gone);
    deviceLists.changed(caller.id());
  }
}
