package dev.chatcore.adapter.mongo;

import dev.chatcore.application.sync.MembershipStressContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reader on one node, every writer on another, one database; fewer rounds than in memory. */
class MongoTwoNodeMembershipStressTest extends MembershipStressContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected Stores newStores() {
    MongoOptions options = mongo.options(mongo.freshName());
    return new Stores(mongo.storage(options), mongo.storage(options));
  }

  @Override
  protected int runs() {
    return 3;
  }

  @Override
  protected int dms() {
    return 20;
  }

  @Override
  protected int channels() {
    return 6;
  }
}
