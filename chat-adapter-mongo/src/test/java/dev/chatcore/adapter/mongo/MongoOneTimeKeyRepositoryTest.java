package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.OneTimeKeyRepository;
import dev.chatcore.domain.port.OneTimeKeyRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoOneTimeKeyRepositoryTest extends OneTimeKeyRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected OneTimeKeyRepository newRepository() {
    return new MongoOneTimeKeyRepository(mongo.freshDatabase());
  }
}
