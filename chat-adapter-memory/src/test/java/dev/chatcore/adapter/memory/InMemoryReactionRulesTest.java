package dev.chatcore.adapter.memory;

import dev.chatcore.application.reaction.ReactionRulesContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryReactionRulesTest extends ReactionRulesContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
