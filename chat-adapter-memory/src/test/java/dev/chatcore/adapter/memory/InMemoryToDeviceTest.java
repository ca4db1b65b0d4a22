package dev.chatcore.adapter.memory;

import dev.chatcore.application.e2ee.ToDeviceContract;
import java.time.Clock;

class InMemoryToDeviceTest extends ToDeviceContract {
  @Override
  protected Stores newStores(Clock clock) {
    InMemoryChatStorage storage = new InMemoryChatStorage(clock);
    return new Stores(storage, storage);
  }
}
