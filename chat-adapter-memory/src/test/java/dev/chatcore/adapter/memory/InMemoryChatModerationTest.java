package dev.chatcore.adapter.memory;

import dev.chatcore.application.admin.ChatModerationContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryChatModerationTest extends ChatModerationContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return new InMemoryChatStorage(clock);
  }
}
