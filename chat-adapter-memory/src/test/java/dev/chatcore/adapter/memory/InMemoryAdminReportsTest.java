package dev.chatcore.adapter.memory;

import dev.chatcore.application.admin.AdminReportsContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryAdminReportsTest extends AdminReportsContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return new InMemoryChatStorage(clock);
  }
}
