package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.application.invite.CreateInvite;
import dev.chatcore.application.invite.ListInvites;
import dev.chatcore.application.invite.RedeemInvite;
import dev.chatcore.application.invite.RevokeInvite;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.invite.Invite;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/invites} (SPEC §3): admins create, list and revoke invites; redeeming one, the only
 * route without a token, makes an account and answers the token the server issues for it.
 */
public final class V1InviteRoutes {
  private static final Duration DEFAULT_INVITE_LIFETIME = Duration.ofDays(7);

  private final RedeemInvite redeemInvite;
  private final CreateInvite createInvite;
  private final ListInvites listInvites;
  private final RevokeInvite revokeInvite;
  private final JwtTokens tokens;
  private final Duration tokenTtl;

  /**
   * @param tokens issues the token of a redeemed invite's account
   * @param tokenTtl lifetime of the tokens the server issues at invite redemption
   */
  public V1InviteRoutes(
      RedeemInvite redeemInvite,
      CreateInvite createInvite,
      ListInvites listInvites,
      RevokeInvite revokeInvite,
      JwtTokens tokens,
      Duration tokenTtl) {
    this.redeemInvite = redeemInvite;
    this.createInvite = createInvite;
    this.listInvites = listInvites;
    this.revokeInvite = revokeInvite;
    this.tokens = tokens;
    this.tokenTtl = tokenTtl;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/invites/redeem", false, this::redeemInvite),
        Route.of("POST", "/v1/invites", true, this::createInvite),
        Route.of("GET", "/v1/invites", true, this::listInvites),
        Route.of("DELETE", "/v1/invites/{code}", true, this::revokeInvite));
  }

  private Reply redeemInvite(ApiRequest r) {
    JsonBody body = r.json();
    Account account =
        redeemInvite.redeem(
            body.optionalString("code").orElse(null), body.requiredString("display_name"));
    String token = tokens.issue(account.id(), account.displayName(), account.admin(), tokenTtl);
    return Reply.ok(
        Map.of(
            "user_id",
            account.id().value(),
            "access_token",
            token,
            "expires_in",
            tokenTtl.toSeconds()));
  }

  private Reply createInvite(ApiRequest r) {
    r.caller().requireAdmin();
    JsonBody body = r.json();
    int uses = body.optionalInt("uses").orElse(1);
    Duration lifetime =
        body.optionalLong("expires_in_s").map(Duration::ofSeconds).orElse(DEFAULT_INVITE_LIFETIME);
    return new Reply(201, invite(createInvite.create(r.caller(), uses, lifetime)));
  }

  private Reply listInvites(ApiRequest r) {
    return Reply.ok(
        Map.of(
            "invites", listInvites.list(r.caller()).stream().map(V1InviteRoutes::invite).toList()));
  }

  private Reply revokeInvite(ApiRequest r) {
    revokeInvite.revoke(r.caller(), r.path("code"));
    return Reply.ok(Map.of());
  }

  private static Map<String, Object> invite(Invite invite) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", invite.code());
    out.put("expires_at", invite.expiresAt().toEpochMilli());
    out.put("uses_left", invite.usesLeft());
    out.put("revoked", invite.revoked());
    out.put("created_ts", invite.createdAt().toEpochMilli());
    return out;
  }
}
