package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.GlobalRoomRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoGlobalRoomRepositoryTest extends GlobalRoomRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected GlobalRoomRepository newGlobalRoomRepository() {
    return new MongoGlobalRoomRepository(mongo.freshDatabase());
  }
}
