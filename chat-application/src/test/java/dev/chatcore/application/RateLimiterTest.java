package dev.chatcore.application;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.application.moderation.RateLimiter;
import dev.chatcore.domain.error.RateLimitedException;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final MutableClock clock = new MutableClock();
  private final RateLimiter limiter =
      new RateLimiter(Limits.defaults(), clock, ChatObserver.NONE); // 20/s, burst 40

  @Test
  void allowsTheBurstThenCoolsDownForAFixedTime() {
    for (int i = 0; i < 40; i++) limiter.acquire("a");
    RateLimitedException refused =
        assertThrows(RateLimitedException.class, () -> limiter.acquire("a"));
    assertEquals(RateLimiter.COOLDOWN, refused.retryAfter());
    clock.advance(Duration.ofSeconds(2));
    RateLimitedException still =
        assertThrows(RateLimitedException.class, () -> limiter.acquire("a"));
    assertEquals(
        Duration.ofSeconds(3),
        still.retryAfter(),
        "the cooldown is fixed, not extended by retries");
    clock.advance(Duration.ofSeconds(3));
    for (int i = 0; i < 40; i++) limiter.acquire("a"); // refilled during the cooldown
  }

  @Test
  void refillsAtTheConfiguredRate() {
    for (int i = 0; i < 40; i++) limiter.acquire("b");
    clock.advance(Duration.ofMillis(500)); // 10 tokens
    for (int i = 0; i < 10; i++) limiter.acquire("b");
    assertThrows(RateLimitedException.class, () -> limiter.acquire("b"));
  }

  @Test
  void keysAreIndependent() {
    for (int i = 0; i < 40; i++) limiter.acquire("c");
    assertThrows(RateLimitedException.class, () -> limiter.acquire("c"));
    assertDoesNotThrow(() -> limiter.acquire("d"));
  }

  @Test
  void concurrentRequestsNeverGetMoreThanTheBurst() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    AtomicInteger allowed = new AtomicInteger();
    List<Future<?>> tasks = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      tasks.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 50; i++) {
                  try {
                    limiter.acquire("shared");
                    allowed.incrementAndGet();
                  } catch (RateLimitedException e) {
                    // refused
                  }
                }
              }));
    }
    for (Future<?> f : tasks) f.get(30, TimeUnit.SECONDS);
    pool.shutdown();
    assertEquals(40, allowed.get(), "the clock did not move, so exactly the burst is allowed");
  }
}
