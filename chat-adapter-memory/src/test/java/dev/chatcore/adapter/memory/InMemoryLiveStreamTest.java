package dev.chatcore.adapter.memory;

import dev.chatcore.application.stream.LiveStreamContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryLiveStreamTest extends LiveStreamContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
