package dev.chatcore.adapter.memory;

import dev.chatcore.application.typing.TypingRulesContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryTypingRulesTest extends TypingRulesContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
