package dev.chatcore.adapter.memory;

import dev.chatcore.application.sync.MembershipStressContract;

class InMemoryMembershipStressTest extends MembershipStressContract {
  @Override
  protected Stores newStores() {
    InMemoryChatStorage storage = new InMemoryChatStorage();
    return new Stores(storage, storage);
  }
}
