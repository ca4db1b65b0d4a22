package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.OneTimeKeyRepositoryContract;

class InMemoryOneTimeKeyRepositoryTest extends OneTimeKeyRepositoryContract {
  @Override
  protected OneTimeKeyRepository newRepository() {
    return new InMemoryOneTimeKeyRepository();
  }
}
