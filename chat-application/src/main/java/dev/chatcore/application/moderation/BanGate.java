package dev.chatcore.application.moderation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.port.BanRepository;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * Refuses banned accounts. Every authenticated request of both APIs passes here. Lookups are cached
 * briefly (a ban issued on another node bites within {@link #CACHE_TTL}); bans issued on this node
 * bite at once, so every use case of one node must share one gate (containers: a singleton).
 */
@Singleton
public final class BanGate {
  /** How long a lookup is trusted. */
  public static final Duration CACHE_TTL = Duration.ofSeconds(2);

  private final BanRepository bans;
  private final Clock clock;
  private final Cache<AccountId, Optional<Ban>> cache =
      Caffeine.newBuilder().maximumSize(500_000).expireAfterWrite(CACHE_TTL).build();

  @Inject
  public BanGate(BanRepository bans, Clock clock) {
    this.bans = bans;
    this.clock = clock;
  }

  /**
   * @throws BannedException while the account has an active ban
   */
  public void requireNotBanned(AccountId account) {
    refuseIfActive(cache.get(account, bans::find));
  }

  private void refuseIfActive(Optional<Ban> ban) {
    if (ban.isPresent() && ban.get().isActive(clock.instant())) {
      throw new BannedException(ban.get().until().orElse(null), ban.get().reason());
    }
  }

  /**
   * {@link #requireNotBanned} from the store itself, whatever the cache holds (and caching a ban
   * found): a ban stored on any node before this call refuses. One indexed read; sync uses it after
   * reading the log head, so that what it then delivers was all readable before any ban.
   *
   * @throws BannedException while the account has an active ban
   */
  public void requireNotBannedNow(AccountId account) {
    Optional<Ban> ban = bans.find(account);
    // Every sync answer and live-stream batch reads here, so the cache is written only with a ban
    // found (the account's other requests refuse from now on); "no ban" is not written, which
    // leaves a cached lookup as it was: within CACHE_TTL, as for any request. (A cache read to
    // compare, or a write, per delivery was among the costliest steps of a thousand-stream
    // fan-out.)
    if (ban.isPresent()) cache.put(account, ban);
    refuseIfActive(ban);
  }

  /** Knows a ban issued on this node from now on, before it is stored. */
  void remember(Ban ban) {
    cache.put(
        ban.account(), Optional.of(ban)); // waits for a lookup of the account in flight, then wins
  }

  /** Forgets the cached lookup of an account whose ban changed on this node. */
  void invalidate(AccountId account) {
    cache.invalidate(account);
  }
}
