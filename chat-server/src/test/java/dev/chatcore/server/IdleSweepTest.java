package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.adapter.memory.InMemoryChatStorage;
import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.testing.MutableClock;
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
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (storage.globalRooms().roomOf(player).isPresent() && System.nanoTime() < deadline) {
        Thread.sleep(50); // polls a condition with a bound; the sweep runs every second
      }
      assertTrue(storage.globalRooms().roomOf(player).isEmpty(), "swept within the bound");
    }
  }
}
