package dev.chatcore.adapter.memory;

import dev.chatcore.application.moderation.ContentFilterContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryContentFilterTest extends ContentFilterContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
