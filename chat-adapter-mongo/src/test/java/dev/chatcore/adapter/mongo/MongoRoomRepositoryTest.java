package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.port.RoomRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoRoomRepositoryTest extends RoomRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected RoomRepository newRoomRepository() {
    return new MongoRoomRepository(mongo.freshDatabase());
  }
}
