package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.DmRoomRepository;
import dev.chatcore.domain.port.DmRoomRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoDmRoomRepositoryTest extends DmRoomRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected DmRoomRepository newDmRoomRepository() {
    return new MongoDmRoomRepository(mongo.freshDatabase());
  }
}
