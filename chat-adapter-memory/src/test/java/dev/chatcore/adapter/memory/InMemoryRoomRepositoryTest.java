package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.port.RoomRepositoryContract;

class InMemoryRoomRepositoryTest extends RoomRepositoryContract {
  @Override
  protected RoomRepository newRoomRepository() {
    return new InMemoryRoomRepository();
  }
}
