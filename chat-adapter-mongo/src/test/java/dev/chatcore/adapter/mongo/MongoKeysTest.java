package dev.chatcore.adapter.mongo;

import dev.chatcore.application.e2ee.KeysContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoKeysTest extends KeysContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected Stores newStores(Clock clock) {
    ChatStorage storage = mongo.storage(mongo.options(mongo.freshName()), clock);
    return new Stores(storage, storage);
  }
}
