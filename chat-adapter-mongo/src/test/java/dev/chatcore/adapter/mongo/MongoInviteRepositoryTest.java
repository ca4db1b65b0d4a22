package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.InviteRepository;
import dev.chatcore.domain.port.InviteRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoInviteRepositoryTest extends InviteRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected InviteRepository newInviteRepository() {
    return new MongoInviteRepository(mongo.freshDatabase());
  }
}
