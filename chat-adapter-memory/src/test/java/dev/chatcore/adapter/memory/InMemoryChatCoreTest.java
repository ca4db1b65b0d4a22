package dev.chatcore.adapter.memory;

import dev.chatcore.application.ChatCoreContract;
import dev.chatcore.domain.port.ChatStorage;

class InMemoryChatCoreTest extends ChatCoreContract {
  @Override
  protected ChatStorage newStorage() {
    return InMemoryChatStorage.create(clock);
  }
}
