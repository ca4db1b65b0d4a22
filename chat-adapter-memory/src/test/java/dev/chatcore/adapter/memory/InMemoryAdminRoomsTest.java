package dev.chatcore.adapter.memory;

import dev.chatcore.application.admin.AdminRoomsContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryAdminRoomsTest extends AdminRoomsContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return new InMemoryChatStorage(clock);
  }
}
