package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.EventFeedContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The feed with polling (the embedded server has no oplog here): two nodes on one database. */
class MongoEventFeedTest extends EventFeedContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected Nodes newNodes() {
    MongoOptions options =
        mongo.options(mongo.freshName()).withSyncDelivery(MongoOptions.SyncDelivery.POLLING);
    return new Nodes(mongo.storage(options).feed(), mongo.storage(options).events());
  }
}
