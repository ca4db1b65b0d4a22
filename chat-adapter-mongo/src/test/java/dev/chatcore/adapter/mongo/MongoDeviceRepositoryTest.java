package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.DeviceRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoDeviceRepositoryTest extends DeviceRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected DeviceRepository newRepository() {
    return new MongoDeviceRepository(mongo.freshDatabase());
  }
}
