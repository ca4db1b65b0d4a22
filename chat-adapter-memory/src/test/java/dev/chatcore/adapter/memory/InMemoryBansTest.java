package dev.chatcore.adapter.memory;

import dev.chatcore.application.moderation.BansContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryBansTest extends BansContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
