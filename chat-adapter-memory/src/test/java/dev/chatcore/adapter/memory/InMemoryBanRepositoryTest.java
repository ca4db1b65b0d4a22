package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.BanRepositoryContract;

class InMemoryBanRepositoryTest extends BanRepositoryContract {
  @Override
  protected BanRepository newBanRepository() {
    return new InMemoryBanRepository();
  }
}
