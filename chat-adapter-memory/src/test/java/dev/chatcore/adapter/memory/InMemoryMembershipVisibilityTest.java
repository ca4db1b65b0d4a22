package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.application.sync.MembershipVisibilityContract;

class InMemoryMembershipVisibilityTest extends MembershipVisibilityContract {
  @Override
  protected Stores newStores() {
    ChatStorage storage = InMemoryChatStorage.create(clock);
    return new Stores(storage, storage);
  }
}
