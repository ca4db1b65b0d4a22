package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.EventFeedContract;

class InMemoryEventFeedTest extends EventFeedContract {
  @Override
  protected Nodes newNodes() {
    InMemoryChatStorage storage = new InMemoryChatStorage();
    return new Nodes(storage.feed(), storage.events());
  }
}
