package dev.chatcore.adapter.mongo;

import org.junit.jupiter.api.extension.RegisterExtension;

class MongoMultiNodeChangeStreamTest extends MongoMultiNodeSuite {
  @RegisterExtension static final MongoFixture mongo = MongoFixture.withOplog();

  @Override
  MongoFixture mongo() {
    return mongo;
  }

  @Override
  MongoOptions.SyncDelivery delivery() {
    return MongoOptions.SyncDelivery.CHANGE_STREAMS;
  }
}
