package dev.chatcore.adapter.memory;

import dev.chatcore.application.moderation.SpamBansContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemorySpamBansTest extends SpamBansContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
