package dev.chatcore.adapter.mongo;

import dev.chatcore.application.sync.MembershipVisibilityContract;
import dev.chatcore.domain.port.ChatStorage;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoMembershipVisibilityTest extends MembershipVisibilityContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected Stores newStores() {
    ChatStorage storage = mongo.storage(mongo.options(mongo.freshName()), clock);
    return new Stores(storage, storage);
  }
}
