package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReactionRepositoryContract;

class InMemoryReactionRepositoryTest extends ReactionRepositoryContract {
  @Override
  protected ReactionRepository newReactionRepository() {
    return new InMemoryReactionRepository();
  }
}
