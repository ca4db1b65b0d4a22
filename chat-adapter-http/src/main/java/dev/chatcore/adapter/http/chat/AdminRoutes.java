package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.Endpoint;

/**
 * What every route of the Chat V2 admin API (SPEC §4, reference §6) shares: it refuses a player
 * token with 403 before it reads anything. Admin responses carry no unread data. The routes
 * themselves are {@link AdminMessageRoutes}, {@link AdminReportRoutes}, {@link AdminRoomRoutes} and
 * {@link AdminBanRoutes}.
 */
public final class AdminRoutes {
  private AdminRoutes() {}

  /** Refuses players (403) before parsing, so a player never learns what a valid body is. */
  static Endpoint adminOnly(Endpoint endpoint) {
    return r -> {
      r.caller().requireAdmin();
      return endpoint.handle(r);
    };
  }
}
