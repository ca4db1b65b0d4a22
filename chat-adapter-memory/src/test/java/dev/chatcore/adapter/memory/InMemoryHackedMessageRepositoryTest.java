package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.HackedMessageRepository;
import dev.chatcore.domain.port.HackedMessageRepositoryContract;

class InMemoryHackedMessageRepositoryTest extends HackedMessageRepositoryContract {
  @Override
  protected HackedMessageRepository newHackedMessageRepository() {
    return new InMemoryHackedMessageRepository();
  }
}
