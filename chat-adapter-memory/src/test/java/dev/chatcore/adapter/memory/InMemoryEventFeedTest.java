package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.port.EventFeedContract;

class InMemoryEventFeedTest extends EventFeedContract {
  @Override
  protected Nodes newNodes() {
    ChatStorage storage = InMemoryChatStorage.create();
    return new Nodes(storage.feed(), storage.events());
  }
}
