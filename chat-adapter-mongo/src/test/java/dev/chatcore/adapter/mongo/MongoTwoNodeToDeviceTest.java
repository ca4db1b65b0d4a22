package dev.chatcore.adapter.mongo;

import dev.chatcore.application.e2ee.ToDeviceContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The device under test syncs on one node; the other clients write through another; one database.
 */
class MongoTwoNodeToDeviceTest extends ToDeviceContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected Stores newStores(Clock clock) {
    MongoOptions options = mongo.options(mongo.freshName());
    return new Stores(mongo.storage(options, clock), mongo.storage(options, clock));
  }
}
