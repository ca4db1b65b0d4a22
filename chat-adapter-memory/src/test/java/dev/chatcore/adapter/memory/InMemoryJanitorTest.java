package dev.chatcore.adapter.memory;

import dev.chatcore.application.retention.JanitorContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryJanitorTest extends JanitorContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
