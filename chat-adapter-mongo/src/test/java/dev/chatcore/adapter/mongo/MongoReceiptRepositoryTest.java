package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.port.ReceiptRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoReceiptRepositoryTest extends ReceiptRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ReceiptRepository newReceiptRepository() {
    return new MongoReceiptRepository(mongo.freshDatabase());
  }
}
