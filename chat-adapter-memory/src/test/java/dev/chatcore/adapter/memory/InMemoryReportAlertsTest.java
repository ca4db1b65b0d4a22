package dev.chatcore.adapter.memory;

import dev.chatcore.application.moderation.ReportAlertsContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryReportAlertsTest extends ReportAlertsContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
