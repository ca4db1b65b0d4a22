package dev.chatcore.adapter.memory;

import dev.chatcore.application.retention.JanitorDeletionContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryJanitorDeletionTest extends JanitorDeletionContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
