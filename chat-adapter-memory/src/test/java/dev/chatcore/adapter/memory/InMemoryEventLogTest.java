package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.EventLogContract;

class InMemoryEventLogTest extends EventLogContract {
  @Override
  protected EventLog newEventLog() {
    return new InMemoryEventLog(clock);
  }
}
