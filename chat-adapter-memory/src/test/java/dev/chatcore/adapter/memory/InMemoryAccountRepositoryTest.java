package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.AccountRepositoryContract;

class InMemoryAccountRepositoryTest extends AccountRepositoryContract {
  @Override
  protected AccountRepository newAccountRepository() {
    return new InMemoryAccountRepository();
  }
}
