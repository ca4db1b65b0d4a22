package dev.chatcore.adapter.memory;

import dev.chatcore.application.sync.MembershipStressContract;
import dev.chatcore.domain.port.ChatStorage;

class InMemoryMembershipStressTest extends MembershipStressContract {
  @Override
  protected Stores newStores() {
    ChatStorage storage = InMemoryChatStorage.create();
    return new Stores(storage, storage);
  }
}
