package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.moderation.BanAccount;
import dev.chatcore.application.moderation.BanHistory;
import dev.chatcore.application.moderation.BanPage;
import dev.chatcore.application.moderation.ListBans;
import dev.chatcore.application.moderation.ReadBanHistory;
import dev.chatcore.application.moderation.UnbanAccount;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /chat/admin/bans}: ban an account for a duration or permanently, list, unban (SPEC §4),
 * and an account's ban history. Admin responses carry no unread data.
 */
public final class AdminBanRoutes {
  /** Bans per page of {@code GET /chat/admin/bans}. */
  public static final int PER_PAGE = 10;

  private final BanAccount banAccount;
  private final ListBans listBans;
  private final UnbanAccount unbanAccount;
  private final ReadBanHistory readBanHistory;
  private final Clock clock;

  /**
   * @param clock tells which bans are in force when they are rendered
   */
  public AdminBanRoutes(
      BanAccount banAccount,
      ListBans listBans,
      UnbanAccount unbanAccount,
      ReadBanHistory readBanHistory,
      Clock clock) {
    this.banAccount = banAccount;
    this.listBans = listBans;
    this.unbanAccount = unbanAccount;
    this.readBanHistory = readBanHistory;
    this.clock = clock;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/chat/admin/bans", true, AdminRoutes.adminOnly(this::ban)),
        Route.of("GET", "/chat/admin/bans", true, AdminRoutes.adminOnly(this::list)),
        Route.of("DELETE", "/chat/admin/bans", true, AdminRoutes.adminOnly(this::unban)),
        Route.of("GET", "/chat/admin/bans/history", true, AdminRoutes.adminOnly(this::history)));
  }

  private Reply ban(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("accountId", "duration", "reason", "lastRead"));
    AccountId account = AccountId.parse(body.requiredString("accountId"), "accountId");
    Optional<Duration> duration = body.optionalLong("duration").map(Duration::ofSeconds);
    Ban ban =
        banAccount.ban(
            new BanAccount.Command(
                r.caller(), account, duration, body.optionalString("reason").orElse("")));
    return Reply.ok(Map.of("ban", json(ban)));
  }

  private Reply list(ApiRequest r) {
    int page = r.queryInt("page").orElse(0);
    Optional<AccountId> account = r.query("accountId").map(v -> AccountId.parse(v, "accountId"));
    BanPage found = listBans.list(new ListBans.Query(r.caller(), account, page, PER_PAGE));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("bans", found.bans().stream().map(this::json).toList());
    out.put("page", page);
    out.put("bansPerPage", PER_PAGE);
    out.put("remainingBanCount", found.remaining());
    return Reply.ok(out);
  }

  private Reply unban(ApiRequest r) {
    AccountId account =
        r.query("accountId")
            .map(v -> AccountId.parse(v, "accountId"))
            .orElseThrow(() -> new InvalidInputException("accountId", "is required"));
    unbanAccount.unban(new UnbanAccount.Command(r.caller(), account));
    return Reply.ok(Map.of());
  }

  private Reply history(ApiRequest r) {
    AccountId account =
        r.query("accountId")
            .map(v -> AccountId.parse(v, "accountId"))
            .orElseThrow(() -> new InvalidInputException("accountId", "is required"));
    BanHistory found = readBanHistory.read(new ReadBanHistory.Query(r.caller(), account));
    Instant now = clock.instant();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accountId", account.value());
    // a replaced or lifted ban is not in force even before its end: only the stored one can be
    out.put(
        "history",
        found.bans().stream()
            .map(b -> json(b, found.current().filter(b::equals).isPresent() && b.isActive(now)))
            .toList());
    Map<String, Object> offences = new LinkedHashMap<>();
    offences.put("count", found.offences().count());
    offences.put(
        "lastOn", found.offences().last().map(i -> (Object) i.getEpochSecond()).orElse(null));
    out.put("offences", offences);
    return Reply.ok(out);
  }

  private Map<String, Object> json(Ban ban) {
    return json(ban, ban.isActive(clock.instant()));
  }

  private Map<String, Object> json(Ban ban, boolean active) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("accountId", ban.account().value());
    out.put("until", ban.until().map(i -> (Object) i.getEpochSecond()).orElse(null));
    out.put("reason", ban.reason());
    out.put("automatic", ban.automatic());
    out.put("active", active);
    out.put("createdOn", ban.createdOn().getEpochSecond());
    out.put("bannedBy", ban.by().map(AccountId::value).orElse(null));
    return out;
  }
}
