package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.HackedMessageRepository;
import dev.chatcore.domain.port.HackedMessageRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoHackedMessageRepositoryTest extends HackedMessageRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected HackedMessageRepository newHackedMessageRepository() {
    return new MongoHackedMessageRepository(mongo.freshDatabase());
  }
}
