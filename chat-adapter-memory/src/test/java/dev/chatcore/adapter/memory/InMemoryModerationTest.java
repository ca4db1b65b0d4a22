package dev.chatcore.adapter.memory;

import dev.chatcore.application.ModerationContract;
import dev.chatcore.domain.port.ChatStorage;

class InMemoryModerationTest extends ModerationContract {
  @Override
  protected ChatStorage newStorage() {
    return InMemoryChatStorage.create(clock);
  }
}
