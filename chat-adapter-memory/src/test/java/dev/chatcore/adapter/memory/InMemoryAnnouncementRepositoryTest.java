package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.AnnouncementRepositoryContract;

class InMemoryAnnouncementRepositoryTest extends AnnouncementRepositoryContract {
  @Override
  protected AnnouncementRepository newAnnouncementRepository() {
    return new InMemoryAnnouncementRepository();
  }
}
