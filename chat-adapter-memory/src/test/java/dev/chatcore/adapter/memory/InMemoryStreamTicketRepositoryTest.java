package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.StreamTicketRepository;
import dev.chatcore.domain.port.StreamTicketRepositoryContract;

class InMemoryStreamTicketRepositoryTest extends StreamTicketRepositoryContract {
  @Override
  protected StreamTicketRepository newStreamTicketRepository() {
    return new InMemoryStreamTicketRepository();
  }
}
