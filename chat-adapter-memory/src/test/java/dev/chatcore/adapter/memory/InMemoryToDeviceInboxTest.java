package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.ToDeviceInbox;
import dev.chatcore.domain.port.ToDeviceInboxContract;

class InMemoryToDeviceInboxTest extends ToDeviceInboxContract {
  @Override
  protected ToDeviceInbox newInbox() {
    return new InMemoryToDeviceInbox();
  }
}
