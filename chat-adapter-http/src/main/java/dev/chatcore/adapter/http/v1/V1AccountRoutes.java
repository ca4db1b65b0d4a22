package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.account.GetMe;
import dev.chatcore.domain.account.Account;
import java.util.List;
import java.util.Map;

/** {@code GET /v1/me} (SPEC §3): the caller's own account. */
public final class V1AccountRoutes {
  private final GetMe getMe;

  public V1AccountRoutes(GetMe getMe) {
    this.getMe = getMe;
  }

  public List<Route> routes() {
    return List.of(Route.of("GET", "/v1/me", true, this::me));
  }

  private Reply me(ApiRequest r) {
    Account me = getMe.me(r.caller());
    return Reply.ok(
        Map.of("user_id", me.id().value(), "display_name", me.displayName(), "admin", me.admin()));
  }
}
