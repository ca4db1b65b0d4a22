package dev.chatcore.adapter.mongo;

import dev.chatcore.application.retention.JanitorDeletionContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoJanitorDeletionTest extends JanitorDeletionContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ChatStorage newStorage(Clock clock) {
    return mongo.storage(mongo.options(mongo.freshName()), clock);
  }
}
