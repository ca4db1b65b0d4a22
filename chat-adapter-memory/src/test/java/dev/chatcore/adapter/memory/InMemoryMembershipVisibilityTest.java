package dev.chatcore.adapter.memory;

import dev.chatcore.application.sync.MembershipVisibilityContract;
import dev.chatcore.domain.port.ChatStorage;

class InMemoryMembershipVisibilityTest extends MembershipVisibilityContract {
  @Override
  protected Stores newStores() {
    ChatStorage storage = InMemoryChatStorage.create(clock);
    return new Stores(storage, storage);
  }
}
