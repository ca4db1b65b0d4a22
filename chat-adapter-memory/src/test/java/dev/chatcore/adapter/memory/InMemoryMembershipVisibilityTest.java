package dev.chatcore.adapter.memory;

import dev.chatcore.application.sync.MembershipVisibilityContract;

class InMemoryMembershipVisibilityTest extends MembershipVisibilityContract {
  @Override
  protected Stores newStores() {
    InMemoryChatStorage storage = new InMemoryChatStorage(clock);
    return new Stores(storage, storage);
  }
}
