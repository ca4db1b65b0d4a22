package dev.chatcore.adapter.memory;

import dev.chatcore.application.admin.AdminMessagesContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryAdminMessagesTest extends AdminMessagesContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return new InMemoryChatStorage(clock);
  }
}
