package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.Await;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class IdleSweepTest {
  @Test
  void theScheduleTakesIdlePlayersOutOfTheirGlobalRoom() throws Exception {
    MutableClock clock = new MutableClock();
    InMemoryChatStorage storage = new InMemoryChatStorage();
    try (ChatCore core = ChatCore.create(storage, Limits.defaults(), clock);
        IdleSweep sweep = IdleSweep.start(core, Duration.ofSeconds(10))) {
      AccountId player = new AccountId("65781a2ee074f00f1e9b37e6");
      core.chat().admitPlayer().admit(Caller.player(player, "p"));
      assertTrue(storage.globalRooms().roomOf(player).isPresent());
      clock.advance(java.time.Duration.ofSeconds(11));
      Await.until(() -> storage.globalRooms().roomOf(player).isEmpty(), () -> "the sweep (it runs every second)");
      assertTrue(storage.globalRooms().roomOf(player).isEmpty(), "swept");
    }
  }
}
