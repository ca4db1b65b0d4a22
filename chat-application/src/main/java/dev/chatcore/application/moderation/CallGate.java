package dev.chatcore.application.moderation;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.RateLimitedException;
import jakarta.inject.Inject;

/**
 * What a call passes before its use case runs, on every way in: both HTTP APIs, messages sent over
 * a WebSocket, and the embedding facade. A banned account is refused first (401 {@code banned} on
 * HTTP); then, for a counted call, the rate limit (418): per account for a caller, per network
 * address for a call without one; admins are never counted. Nothing has happened yet when either
 * refuses, so a refused call has no side effect. Which calls count is the way in's business: HTTP
 * marks routes, the facade counts only when built rate-limited.
 */
public final class CallGate {
  private final BanGate bans;
  private final RateLimiter limiter;

  @Inject
  public CallGate(BanGate bans, RateLimiter limiter) {
    this.bans = bans;
    this.limiter = limiter;
  }

  /**
   * Admits a counted call of an authenticated caller: the ban check, then a token of the caller's
   * bucket unless it is an admin.
   *
   * @throws BannedException while the caller's account has an active ban
   * @throws RateLimitedException when a player's bucket is empty or cooling down
   */
  public void admit(Caller caller) {
    bans.requireNotBanned(caller.id());
    if (!caller.admin()) limiter.acquire(caller.id().value());
  }

  /**
   * Admits a call the rate limit does not count (a wait for events: a busy room wakes a waiter
   * often): the ban check only.
   *
   * @throws BannedException while the caller's account has an active ban
   */
  public void admitUncounted(Caller caller) {
    bans.requireNotBanned(caller.id());
  }

  /**
   * Admits a counted call without a caller (an HTTP request without a token): a token of the bucket
   * of the address it came from, a key apart from every account's.
   *
   * @param address the client's network address
   * @throws RateLimitedException when that address's bucket is empty or cooling down
   */
  public void admitAnonymous(String address) {
    limiter.acquire("address:" + address);
  }
}
