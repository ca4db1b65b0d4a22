package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.AccountRepository;
import dev.chatcore.domain.port.AccountRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoAccountRepositoryTest extends AccountRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected AccountRepository newAccountRepository() {
    return new MongoAccountRepository(mongo.freshDatabase());
  }
}
