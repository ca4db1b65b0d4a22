package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.ToDeviceInbox;
import dev.chatcore.domain.port.ToDeviceInboxContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoToDeviceInboxTest extends ToDeviceInboxContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected ToDeviceInbox newInbox() {
    return new MongoToDeviceInbox(mongo.freshDatabase());
  }
}
