package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.InviteRepository;
import dev.chatcore.domain.port.InviteRepositoryContract;

class InMemoryInviteRepositoryTest extends InviteRepositoryContract {
  @Override
  protected InviteRepository newInviteRepository() {
    return new InMemoryInviteRepository();
  }
}
