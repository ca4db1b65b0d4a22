package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.moderation.Moderation;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /chat/admin/bans}: ban an account for a duration or permanently, list, unban (SPEC §4).
 * Admin responses carry no unread data.
 */
public final class AdminBanRoutes {
  /** Bans per page of {@code GET /chat/admin/bans}. */
  public static final int PER_PAGE = 10;

  private final Moderation moderation;
  private final Clock clock;

  public AdminBanRoutes(Moderation moderation, Clock clock) {
    this.moderation = moderation;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/chat/admin/bans", true, AdminRoutes.adminOnly(this::ban)),
        Route.of("GET", "/chat/admin/bans", true, AdminRoutes.adminOnly(this::list)),
        Route.of("DELETE", "/chat/admin/bans", true, AdminRoutes.adminOnly(this::unban)));
  }

  private Reply ban(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(java.util.Set.of("accountId", "duration", "reason", "lastRead"));
    AccountId account = AccountId.parse(body.requiredString("accountId"), "accountId");
    Optional<Duration> duration = body.optionalLong("duration").map(Duration::ofSeconds);
    Ban ban = moderation.ban(r.caller(), account, duration, body.optionalString("reason").orElse(""));
    return Reply.ok(Map.of("ban", json(ban)));
  }

  private Reply list(ApiRequest r) {
    int page = r.queryInt("page").orElse(0);
    Optional<AccountId> account = r.query("accountId").map(v -> AccountId.parse(v, "accountId"));
    Moderation.BanPage found = moderation.list(r.caller(), account, page, PER_PAGE);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bans", found.bans().stream().map(this::json).toList());
    out.put("page", page);
    out.put("bansPerPage", PER_PAGE);
    out.put("remainingBanCount", found.remaining());
    return Reply.ok(out);
  }

  private Reply unban(ApiRequest r) {
    AccountId account = r.query("accountId").map(v -> AccountId.parse(v, "accountId"))
        .orElseThrow(() -> new InvalidInputException("accountId", "is required"));
    moderation.unban(r.caller(), account);
    return Reply.ok(Map.of());
  }

  private Map<String, Object> json(Ban ban) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accountId", ban.account().value());
    out.put("until", ban.until().map(i -> (Object) i.getEpochSecond()).orElse(null));
    out.put("reason", ban.reason());
    out.put("automatic", ban.automatic());
    out.put("active", ban.isActive(clock.instant()));
    out.put("createdOn", ban.createdOn().getEpochSecond());
    return out;
  }
}
