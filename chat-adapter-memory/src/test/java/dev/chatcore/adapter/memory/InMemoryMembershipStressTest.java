package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.application.sync.MembershipStressContract;

class InMemoryMembershipStressTest extends MembershipStressContract {
  @Override
  protected Stores newStores() {
    ChatStorage storage = InMemoryChatStorage.create();
    return new Stores(storage, storage);
  }
}
