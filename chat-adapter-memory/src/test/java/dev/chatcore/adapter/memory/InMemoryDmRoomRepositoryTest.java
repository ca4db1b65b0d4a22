package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.DmRoomRepositoryContract;

class InMemoryDmRoomRepositoryTest extends DmRoomRepositoryContract {
  @Override
  protected DmRoomRepository newDmRoomRepository() {
    return new InMemoryDmRoomRepository();
  }
}
