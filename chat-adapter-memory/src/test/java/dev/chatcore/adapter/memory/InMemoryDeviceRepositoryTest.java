package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.DeviceRepositoryContract;

class InMemoryDeviceRepositoryTest extends DeviceRepositoryContract {
  @Override
  protected DeviceRepository newRepository() {
    return new InMemoryDeviceRepository();
  }
}
