package dev.chatcore.adapter.memory;

import dev.chatcore.application.admin.AdminBroadcastsContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryAdminBroadcastsTest extends AdminBroadcastsContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return new InMemoryChatStorage(clock);
  }
}
