package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.port.MembershipRepositoryContract;

class InMemoryMembershipRepositoryTest extends MembershipRepositoryContract {
  @Override
  protected MembershipRepository newMembershipRepository() {
    return new InMemoryMembershipRepository();
  }
}
