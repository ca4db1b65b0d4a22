package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.ActivityRepository;
import dev.chatcore.domain.port.ActivityRepositoryContract;

class InMemoryActivityRepositoryTest extends ActivityRepositoryContract {
  @Override
  protected ActivityRepository newActivityRepository() {
    return new InMemoryActivityRepository();
  }
}
