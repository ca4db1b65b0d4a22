package dev.chatcore.adapter.memory;

import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.moderation.CallGate;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.RateLimitedException;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.port.ChatStorage;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The one gate of HTTP, WebSocket sends and the embedding facade: bans first, then the rate limit.
 */
class CallGateTest {
  private static final int BURST = Limits.defaults().rateLimitBurst();

  private final MutableClock clock = new MutableClock();
  private final ChatStorage storage = InMemoryChatStorage.create(clock);
  private final ChatCore core = ChatCore.create(storage, Limits.defaults(), clock);
  private final CallGate gate = core.callGate();
  private final Caller ada = Caller.player(TestIds.account(), "Ada");

  @AfterEach
  void stop() {
    core.close();
    storage.close();
  }

  @Test
  void aPlayersCountedCallsAreRefusedPastItsBurst() {
    for (int i = 0; i < BURST; i++) gate.admit(ada);
    assertThrows(RateLimitedException.class, () -> gate.admit(ada));
    Caller bob = Caller.player(TestIds.account(), "Bob");
    gate.admit(bob); // every account has its own bucket
  }

  @Test
  void anAdminIsNeverCounted() {
    Caller admin = new Caller(TestIds.account(), "game-server", true);
    for (int i = 0; i < BURST + 10; i++) gate.admit(admin);
  }

  @Test
  void uncountedCallsTakeNoToken() {
    for (int i = 0; i < BURST + 10; i++) gate.admitUncounted(ada);
    for (int i = 0; i < BURST; i++) gate.admit(ada);
    assertThrows(RateLimitedException.class, () -> gate.admit(ada));
  }

  @Test
  void aBannedAccountIsRefusedOnEveryCallBeforeTheRateLimit() {
    storage
        .bans()
        .put(
            new Ban(
                ada.id(),
                Optional.of(clock.instant().plus(Duration.ofMinutes(5))),
                "flooding",
                false,
                clock.instant(),
                Optional.empty()));
    for (int i = 0; i < BURST + 10; i++) assertThrows(BannedException.class, () -> gate.admit(ada));
    assertThrows(BannedException.class, () -> gate.admitUncounted(ada));
  }

  @Test
  void callsWithoutACallerAreCountedPerAddress() {
    for (int i = 0; i < BURST; i++) gate.admitAnonymous("192.0.2.1");
    assertThrows(RateLimitedException.class, () -> gate.admitAnonymous("192.0.2.1"));
    gate.admitAnonymous("192.0.2.2");
    gate.admit(ada);
  }
}
