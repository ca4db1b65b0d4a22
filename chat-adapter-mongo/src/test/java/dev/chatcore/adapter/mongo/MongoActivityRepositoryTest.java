package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.ActivityRepository;
import dev.chatcore.domain.port.ActivityRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoActivityRepositoryTest extends ActivityRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ActivityRepository newActivityRepository() {
    return new MongoActivityRepository(mongo.freshDatabase());
  }
}
