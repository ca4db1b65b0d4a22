package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.e2ee.Device;
import dev.chatcore.domain.port.DeviceRepository;
import jakarta.inject.Inject;
import java.util.List;

/** {@code GET /v1/devices}: the caller's devices, with when each was last seen. */
public final class ListDevices {
  private final DeviceRepository devices;

  @Inject
  public ListDevices(DeviceRepository devices) {
    this.devices = devices;
  }

  /**
   * @throws dev.chatcore.domain.error.InvalidInputException when the caller has no device
   */
  public List<Device> list(Caller caller) {
    caller.requireDevice();
    return devices.ofAccount(caller.id());
  }
}
