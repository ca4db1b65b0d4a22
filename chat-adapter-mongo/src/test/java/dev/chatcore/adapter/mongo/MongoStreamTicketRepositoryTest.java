package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.port.StreamTicketRepository;
import dev.chatcore.domain.port.StreamTicketRepositoryContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoStreamTicketRepositoryTest extends StreamTicketRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected StreamTicketRepository newStreamTicketRepository() {
    return new MongoStreamTicketRepository(mongo.freshDatabase());
  }
}
