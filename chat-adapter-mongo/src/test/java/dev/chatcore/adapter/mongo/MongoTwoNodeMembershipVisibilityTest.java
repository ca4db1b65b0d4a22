package dev.chatcore.adapter.mongo;

import dev.chatcore.application.sync.MembershipVisibilityContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reader's sync on one node, every membership change and message on another, one database. */
class MongoTwoNodeMembershipVisibilityTest extends MembershipVisibilityContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected Stores newStores() {
    MongoOptions options = mongo.options(mongo.freshName());
    return new Stores(mongo.storage(options, clock), mongo.storage(options, clock));
  }
}
