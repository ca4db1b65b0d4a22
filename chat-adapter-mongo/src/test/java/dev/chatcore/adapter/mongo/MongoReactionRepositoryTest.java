package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.port.ReactionRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoReactionRepositoryTest extends ReactionRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ReactionRepository newReactionRepository() {
    return new MongoReactionRepository(mongo.freshDatabase());
  }
}
