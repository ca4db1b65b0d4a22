package dev.chatcore.adapter.memory;

import dev.chatcore.application.dm.DmLifecycleContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryDmLifecycleTest extends DmLifecycleContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
