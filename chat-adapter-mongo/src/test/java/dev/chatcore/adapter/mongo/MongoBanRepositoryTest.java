package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.BanRepository;
import dev.chatcore.domain.port.BanRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoBanRepositoryTest extends BanRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected BanRepository newBanRepository() {
    return new MongoBanRepository(mongo.freshDatabase());
  }
}
