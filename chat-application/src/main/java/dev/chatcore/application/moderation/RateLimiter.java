package dev.chatcore.application.moderation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatcore.application.ChatObserver;
import dev.chatcore.domain.error.RateLimitedException;
import dev.chatcore.domain.policy.Limits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;

/**
 * A token bucket per key (an account id, or a client address where there is no token): {@code
 * rate_limit.per_second} tokens a second up to {@code rate_limit.burst}. A request that finds the
 * bucket empty starts a fixed {@link #COOLDOWN} during which every request of that key is refused
 * with {@link RateLimitedException} (418 with {@code Retry-After}). A refused request costs no
 * token and must have no other effect, so callers check before doing anything.
 *
 * <p>Buckets live in a bounded Caffeine cache, evicted after a minute without requests (by then a
 * bucket is full again, so forgetting it changes nothing). Thread-safe; one per node (containers: a
 * singleton), so that all the requests of a key draw from one bucket.
 */
@Singleton
public final class RateLimiter {
  /** How long an account that emptied its bucket is refused. */
  public static final Duration COOLDOWN = Duration.ofSeconds(5);

  /** Most keys tracked at once. */
  public static final long MAX_KEYS = 2_000_000;

  private final double perMilli;
  private final double burst;
  private final Clock clock;
  private final ChatObserver observer;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(MAX_KEYS).expireAfterAccess(Duration.ofMinutes(1)).build();

  /** One key's state; guarded by its own monitor. */
  private static final class Bucket {
    double tokens;
    long updatedMs;
    long cooldownUntilMs;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedMs = now;
    }
  }

  /**
   * @param observer told of every refusal ({@link ChatObserver#NONE} tells nobody)
   */
  @Inject
  public RateLimiter(Limits limits, Clock clock, ChatObserver observer) {
    this.perMilli = limits.rateLimitPerSecond() / 1000.0;
    this.burst = limits.rateLimitBurst();
    this.clock = clock;
    this.observer = observer;
  }

  /**
   * Takes one token for {@code key}.
   *
   * @throws RateLimitedException when the bucket is empty or the key is cooling down
   */
  public void acquire(String key) {
    long now = clock.millis();
    Bucket bucket = buckets.get(key, k -> new Bucket(burst, now));
    long wait;
    synchronized (bucket) {
      if (now < bucket.cooldownUntilMs) {
        wait = bucket.cooldownUntilMs - now;
      } else {
        bucket.tokens =
            Math.min(burst, bucket.tokens + Math.max(0, now - bucket.updatedMs) * perMilli);
        bucket.updatedMs = now;
        if (bucket.tokens >= 1) {
          bucket.tokens -= 1;
          return;
        }
        bucket.cooldownUntilMs = now + COOLDOWN.toMillis();
        wait = COOLDOWN.toMillis();
      }
    }
    observer.rateLimited();
    throw new RateLimitedException(Duration.ofMillis(wait));
  }

  /** Keys tracked now (approximate). */
  public long trackedKeys() {
    return buckets.estimatedSize();
  }
}
