package dev.chatcore.adapter.memory;

import dev.chatcore.application.member.MembershipRulesContract;
import dev.chatcore.domain.port.ChatStorage;
import java.time.Clock;

class InMemoryMembershipRulesTest extends MembershipRulesContract {
  @Override
  protected ChatStorage newStorage(Clock clock) {
    return InMemoryChatStorage.create(clock);
  }
}
