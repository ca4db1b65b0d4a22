package dev.chatcore.adapter.http;

import dev.chatcore.application.Caller;
import dev.chatcore.application.moderation.BanGate;
import dev.chatcore.application.moderation.RateLimiter;

/**
 * What every request passes before its endpoint runs, on both APIs: a banned account gets 401
 * {@code banned}; then the rate limit (per account, per address without a token; admins and
 * routes marked unlimited are not counted) gets 418. Nothing has happened yet when either
 * refuses, so a refused request has no side effect.
 */
public final class RequestGate {
  private final BanGate bans;
  private final RateLimiter limiter;

  public RequestGate(BanGate bans, RateLimiter limiter) {
    this.bans = bans;
    this.limiter = limiter;
  }

  /**
   * Admits one counted call of an authenticated caller that arrives outside an HTTP request (a
   * message sent over a WebSocket): the same ban check and rate limit as a request.
   */
  public void admit(Caller caller) {
    bans.requireNotBanned(caller.id());
    if (!caller.admin()) limiter.acquire(caller.id().value());
  }

  void admit(Route route, Caller caller, String address) {
    if (caller != null) {
      bans.requireNotBanned(caller.id());
      if (route.rateLimited() && !caller.admin()) limiter.acquire(caller.id().value());
    } else if (route.rateLimited()) {
      limiter.acquire("address:" + address);
    }
  }
}
