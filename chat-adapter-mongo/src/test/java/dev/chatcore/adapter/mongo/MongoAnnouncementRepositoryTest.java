package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.AnnouncementRepository;
import dev.chatcore.domain.port.AnnouncementRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoAnnouncementRepositoryTest extends AnnouncementRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected AnnouncementRepository newAnnouncementRepository() {
    return new MongoAnnouncementRepository(mongo.freshDatabase());
  }
}
