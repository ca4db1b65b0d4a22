package dev.chatcore.adapter.mongo;

import dev.chatcore.application.room.ScopeFilterContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoScopeFilterTest extends ScopeFilterContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ChatStorage newStorage(Clock clock) {
    return mongo.storage(mongo.options(mongo.freshName()), clock);
  }
}
