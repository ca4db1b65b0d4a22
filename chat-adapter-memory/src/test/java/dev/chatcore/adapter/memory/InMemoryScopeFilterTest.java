package dev.chatcore.adapter.memory;

import dev.chatcore.application.room.ScopeFilterContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryScopeFilterTest extends ScopeFilterContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
