package dev.chatcore.adapter.http;

import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.adapter.http.chat.AdminBanRoutes;
import dev.chatcore.adapter.http.chat.ChatRoutes;
import dev.chatcore.adapter.http.system.SystemRoutes;
import dev.chatcore.adapter.http.v1.V1ActivityRoutes;
import dev.chatcore.adapter.http.v1.V1DeviceRoutes;
import dev.chatcore.adapter.http.v1.V1KeyRoutes;
import dev.chatcore.adapter.http.v1.V1MembershipRoutes;
import dev.chatcore.adapter.http.v1.V1Routes;
import dev.chatcore.adapter.http.v1.V1StreamRoutes;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.e2ee.E2eeServices;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** The one place that assembles every route of both APIs, and the console's files, into an {@link HttpApi}. */
public final class ChatHttp {
  private ChatHttp() {}

  /**
   * @param tokenTtl lifetime of the tokens the server issues at invite redemption
   * @param executor where endpoints run (virtual threads in the server)
   * @param accessLog request ids, and a log record per request when on
   */
  public static HttpApi api(ChatCore core, JwtTokens tokens, ServerInfo info, Duration tokenTtl, Clock clock,
      Executor executor, AccessLog accessLog) {
    List<Route> routes = new ArrayList<>();
    // readiness also watches what authentication depends on (the published keys, when configured)
    routes.addAll(new SystemRoutes(core.checkReadiness().with(tokens.dependencies()), core.limits(),
        core.e2ee().limits(), info, tokens.algorithms(), core.syncWaiter()::heldCount, core.streams()::openCount)
        .routes());
    routes.add(OpenApiRoute.route());
    routes.addAll(new V1Routes(core, tokens, tokenTtl).routes());
    routes.addAll(new V1MembershipRoutes(core).routes());
    routes.addAll(new V1ActivityRoutes(core).routes());
    E2eeServices e2ee = core.e2ee();
    routes.addAll(new V1KeyRoutes(e2ee.uploadKeys(), e2ee.queryKeys(), e2ee.claimKeys(), e2ee.keyChanges()).routes());
    routes.addAll(new V1DeviceRoutes(e2ee.listDevices(), e2ee.deleteDevice(), e2ee.sendToDevice(),
        e2ee.enableEncryption()).routes());
    routes.addAll(new V1StreamRoutes(core, core.callGate(), executor).routes());
    routes.addAll(new ChatRoutes(core).routes());
    routes.addAll(new AdminBanRoutes(core.moderation(), clock).routes());
    routes.addAll(new dev.chatcore.adapter.http.chat.AdminRoutes(core.admin()).routes());
    return new HttpApi(routes, Map.of(ConsoleFiles.PATH, ConsoleFiles.handler()), tokens, core.callGate(),
        core.limits().requestBodyMaxBytes(), executor, accessLog, core.redeemStreamTicket());
  }
}
