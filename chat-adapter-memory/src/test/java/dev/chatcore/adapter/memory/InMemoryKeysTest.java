package dev.chatcore.adapter.memory;

import dev.chatcore.application.e2ee.KeysContract;
import java.time.Clock;

class InMemoryKeysTest extends KeysContract {
  @Override
  protected Stores newStores(Clock clock) {
    InMemoryChatStorage storage = new InMemoryChatStorage(clock);
    return new Stores(storage, storage);
  }
}
