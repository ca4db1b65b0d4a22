package dev.chatcore.adapter.mongo;

import dev.chatcore.application.ChatCoreContract;
import dev.chatcore.domain.port.ChatStorage;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoChatCoreTest extends ChatCoreContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ChatStorage newStorage() {
    return mongo.storage(mongo.options(mongo.freshName()), clock);
  }
}
