package dev.chatcore.adapter.memory;

import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.port.ReceiptRepositoryContract;

class InMemoryReceiptRepositoryTest extends ReceiptRepositoryContract {
  @Override
  protected ReceiptRepository newReceiptRepository() {
    return new InMemoryReceiptRepository();
  }
}
