package dev.chatcore.adapter.memory;

import dev.chatcore.application.receipt.ReceiptRulesContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryReceiptRulesTest extends ReceiptRulesContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
