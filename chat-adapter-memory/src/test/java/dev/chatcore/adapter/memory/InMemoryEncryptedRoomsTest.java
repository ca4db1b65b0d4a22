package dev.chatcore.adapter.memory;

import dev.chatcore.application.e2ee.EncryptedRoomsContract;
import java.time.Clock;

class InMemoryEncryptedRoomsTest extends EncryptedRoomsContract {
  @Override
  protected Stores newStores(Clock clock) {
    InMemoryChatStorage storage = new InMemoryChatStorage(clock);
    return new Stores(storage, storage);
  }
}
