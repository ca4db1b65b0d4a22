package dev.chatcore.adapter.http;

import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.adapter.http.chat.AdminBanRoutes;
import dev.chatcore.adapter.http.chat.ChatRoutes;
import dev.chatcore.adapter.http.system.SystemRoutes;
import dev.chatcore.adapter.http.v1.V1ActivityRoutes;
import dev.chatcore.adapter.http.v1.V1MembershipRoutes;
import dev.chatcore.adapter.http.v1.V1Routes;
import dev.chatcore.adapter.http.v1.V1StreamRoutes;
import dev.chatcore.application.ChatCore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/** The one place that assembles every route of both APIs into an {@link HttpApi}. */
public final class ChatHttp {
  private ChatHttp() {}

  /**
   * @param tokenTtl lifetime of the tokens the server issues at invite redemption
   * @param executor where endpoints run (virtual threads in the server)
   */
  public static HttpApi api(ChatCore core, JwtTokens tokens, ServerInfo info, Duration tokenTtl, Clock clock,
      Executor executor) {
    List<Route> routes = new ArrayList<>();
    // readiness also watches what authentication depends on (the published keys, when configured)
    routes.addAll(new SystemRoutes(core.checkReadiness().with(tokens.dependencies()), core.limits(), info,
        tokens.algorithms(), core.syncWaiter()::heldCount, core.streams()::openCount).routes());
    routes.add(OpenApiRoute.route());
    routes.addAll(new V1Routes(core, tokens, tokenTtl).routes());
    routes.addAll(new V1MembershipRoutes(core).routes());
    routes.addAll(new V1ActivityRoutes(core).routes());
    RequestGate gate = new RequestGate(core.banGate(), core.rateLimiter());
    routes.addAll(new V1StreamRoutes(core, gate, executor).routes());
    routes.addAll(new ChatRoutes(core).routes());
    routes.addAll(new AdminBanRoutes(core.moderation(), clock).routes());
    routes.addAll(new dev.chatcore.adapter.http.chat.AdminRoutes(core.admin()).routes());
    return new HttpApi(routes, tokens, gate, core.limits().requestBodyMaxBytes(), executor, core.redeemStreamTicket());
  }
}
