package dev.chatcore.adapter.memory;

import dev.chatcore.application.e2ee.ToDeviceContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryToDeviceTest extends ToDeviceContract {
  @Override
  protected Stores newStores(Clock clock) {
    ChatStorage storage = InMemoryChatStorage.create(clock);
    return new Stores(storage, storage);
  }
}
