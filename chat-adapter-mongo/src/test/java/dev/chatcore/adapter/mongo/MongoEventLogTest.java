package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.EventLog;
import dev.chatcore.domain.port.EventLogContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoEventLogTest extends EventLogContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected EventLog newEventLog() {
    return new MongoEventLog(mongo.freshDatabase(), MongoOptions.DEFAULT_GAP_GRACE, clock);
  }
}
