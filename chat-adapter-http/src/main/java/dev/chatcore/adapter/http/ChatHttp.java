package dev.chatcore.adapter.http;

import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.adapter.http.chat.AdminBanRoutes;
import dev.chatcore.adapter.http.chat.AdminMessageRoutes;
import dev.chatcore.adapter.http.chat.AdminReportRoutes;
import dev.chatcore.adapter.http.chat.AdminRoomRoutes;
import dev.chatcore.adapter.http.chat.ChatMessageRoutes;
import dev.chatcore.adapter.http.chat.ChatPreferenceRoutes;
import dev.chatcore.adapter.http.chat.ChatReportRoutes;
import dev.chatcore.adapter.http.chat.ChatRoomRoutes;
import dev.chatcore.adapter.http.chat.ChatUnreadRoutes;
import dev.chatcore.adapter.http.chat.PlayerEndpoints;
import dev.chatcore.adapter.http.system.SystemRoutes;
import dev.chatcore.adapter.http.v1.V1AccountRoutes;
import dev.chatcore.adapter.http.v1.V1ActivityRoutes;
import dev.chatcore.adapter.http.v1.V1DeviceRoutes;
import dev.chatcore.adapter.http.v1.V1InviteRoutes;
import dev.chatcore.adapter.http.v1.V1KeyRoutes;
import dev.chatcore.adapter.http.v1.V1MembershipRoutes;
import dev.chatcore.adapter.http.v1.V1MessageRoutes;
import dev.chatcore.adapter.http.v1.V1RoomRoutes;
import dev.chatcore.adapter.http.v1.V1StreamRoutes;
import dev.chatcore.adapter.http.v1.V1SyncRoutes;
import dev.chatcore.application.ChatCore;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The one place that assembles every route of both APIs, and the console's files, into an {@link
 * HttpApi}.
 */
public final class ChatHttp {
  private ChatHttp() {}

  /**
   * @param tokenTtl lifetime of the tokens the server issues at invite redemption
   * @param executor where endpoints run (virtual threads in the server)
   * @param accessLog request ids, and a log record per request when on
   */
  public static HttpApi api(
      ChatCore core,
      JwtTokens tokens,
      ServerInfo info,
      Duration tokenTtl,
      Clock clock,
      Executor executor,
      AccessLog accessLog) {
    List<Route> routes = new ArrayList<>();
    // readiness also watches what authentication depends on (the published keys, when configured)
    routes.addAll(
        new SystemRoutes(
                core.checkReadiness().with(tokens.dependencies()),
                core.limits(),
                core.e2eeLimits(),
                info,
                tokens.algorithms(),
                core.syncWaiter()::heldCount,
                core.streams()::openCount)
            .routes());
    routes.add(OpenApiRoute.route());
    routes.addAll(v1Routes(core, tokens, tokenTtl, executor));
    routes.addAll(chatRoutes(core));
    routes.addAll(
        new AdminBanRoutes(
                core.banAccount(),
                core.listBans(),
                core.unbanAccount(),
                core.readBanHistory(),
                clock)
            .routes());
    routes.addAll(adminRoutes(core));
    return new HttpApi(
        routes,
        Map.of(ConsoleFiles.PATH, ConsoleFiles.handler()),
        tokens,
        core.callGate(),
        core.limits().requestBodyMaxBytes(),
        executor,
        accessLog,
        core.redeemStreamTicket());
  }

  /** The {@code /v1} API: invites and accounts, rooms, messages, sync, members, keys, streams. */
  private static List<Route> v1Routes(
      ChatCore core, JwtTokens tokens, Duration tokenTtl, Executor executor) {
    List<Route> routes = new ArrayList<>();
    routes.addAll(
        new V1InviteRoutes(
                core.redeemInvite(),
                core.createInvite(),
                core.listInvites(),
                core.revokeInvite(),
                tokens,
                tokenTtl)
            .routes());
    routes.addAll(new V1AccountRoutes(core.getMe()).routes());
    routes.addAll(
        new V1RoomRoutes(core.listRooms(), core.createRoom(), core.getRoom(), core.deleteRoom())
            .routes());
    routes.addAll(
        new V1MessageRoutes(core.readHistory(), core.sendMessage(), core.sendEncryptedMessage())
            .routes());
    routes.addAll(
        new V1SyncRoutes(core.sync(), core.messageAggregates(), core.limits().syncTimeoutDefault())
            .routes());
    routes.addAll(
        new V1MembershipRoutes(
                core.joinRoom(),
                core.leaveRoom(),
                core.listMembers(),
                core.kickMember(),
                core.banMember(),
                core.unbanMember())
            .routes());
    routes.addAll(
        new V1ActivityRoutes(
                core.addReaction(), core.removeReaction(), core.setTyping(), core.postReceipt())
            .routes());
    routes.addAll(
        new V1KeyRoutes(core.uploadKeys(), core.queryKeys(), core.claimKeys(), core.keyChanges())
            .routes());
    routes.addAll(
        new V1DeviceRoutes(
                core.listDevices(),
                core.deleteDevice(),
                core.sendToDevice(),
                core.enableEncryption())
            .routes());
    routes.addAll(
        new V1StreamRoutes(
                core.openStream(),
                core.issueStreamTicket(),
                core.sendMessage(),
                core.messageAggregates(),
                core.callGate(),
                executor,
                core.limits().requestBodyMaxBytes())
            .routes());
    return routes;
  }

  /** The Chat V2 player API: every route admits the player first and adds the unread data. */
  private static List<Route> chatRoutes(ChatCore chat) {
    PlayerEndpoints players = new PlayerEndpoints(chat.admitPlayer(), chat.readRoomUpdates());
    List<Route> routes = new ArrayList<>(new ChatUnreadRoutes(players).routes());
    routes.addAll(
        new ChatRoomRoutes(
                players,
                chat.listGlobalRooms(),
                chat.joinGlobalRoom(),
                chat.getGlobalRoom(),
                chat.leaveDirectMessage())
            .routes());
    routes.addAll(
        new ChatMessageRoutes(players, chat.postChatMessage(), chat.sendDirectMessage()).routes());
    routes.addAll(
        new ChatPreferenceRoutes(players, chat.getPreferences(), chat.updatePreferences())
            .routes());
    routes.addAll(new ChatReportRoutes(players, chat.reportMessage()).routes());
    return routes;
  }

  /** The Chat V2 admin API but its bans. */
  private static List<Route> adminRoutes(ChatCore admin) {
    List<Route> routes =
        new ArrayList<>(
            new AdminMessageRoutes(
                    admin.broadcast(),
                    admin.listAdminMessages(),
                    admin.searchMessages(),
                    admin.editMessage(),
                    admin.deleteMessage(),
                    admin.adminAnnouncements())
                .routes());
    routes.addAll(new AdminReportRoutes(admin.listReports(), admin.reviewReport()).routes());
    routes.addAll(
        new AdminRoomRoutes(
                admin.listAdminRooms(), admin.createPrivateRoom(), admin.updatePrivateRoom())
            .routes());
    return routes;
  }
}
