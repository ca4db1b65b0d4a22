package dev.chatcore.adapter.mongo;

import dev.chatcore.application.ModerationContract;
import dev.chatcore.domain.port.ChatStorage;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoModerationTest extends ModerationContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ChatStorage newStorage() {
    return mongo.storage(mongo.options(mongo.freshName()), clock);
  }
}
