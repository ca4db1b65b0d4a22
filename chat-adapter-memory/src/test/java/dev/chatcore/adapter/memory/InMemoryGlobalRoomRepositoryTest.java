package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.GlobalRoomRepositoryContract;

class InMemoryGlobalRoomRepositoryTest extends GlobalRoomRepositoryContract {
  @Override
  protected GlobalRoomRepository newGlobalRoomRepository() {
    return new InMemoryGlobalRoomRepository();
  }
}
