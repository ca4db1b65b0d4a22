package dev.chatcore.adapter.mongo;

import org.junit.jupiter.api.extension.RegisterExtension;

class MongoMultiNodePollingTest extends MongoMultiNodeSuite {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  MongoFixture mongo() {
    return mongo;
  }

  @Override
  MongoOptions.SyncDelivery delivery() {
    return MongoOptions.SyncDelivery.POLLING;
  }
}
