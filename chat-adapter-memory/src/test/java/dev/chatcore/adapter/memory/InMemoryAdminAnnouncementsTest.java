package dev.chatcore.adapter.memory;

import dev.chatcore.application.admin.AdminAnnouncementsContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryAdminAnnouncementsTest extends AdminAnnouncementsContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return new InMemoryChatStorage(clock);
  }
}
