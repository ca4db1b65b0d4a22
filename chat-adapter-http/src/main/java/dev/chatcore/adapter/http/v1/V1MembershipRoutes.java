package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.member.BanMember;
import dev.chatcore.application.member.JoinRoom;
import dev.chatcore.application.member.KickMember;
import dev.chatcore.application.member.LeaveRoom;
import dev.chatcore.application.member.ListMembers;
import dev.chatcore.application.member.MemberPage;
import dev.chatcore.application.member.UnbanMember;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/** {@code /v1} membership: join, leave, members, kick and ban, unban (SPEC §3). */
public final class V1MembershipRoutes {
  private final JoinRoom joinRoom;
  private final LeaveRoom leaveRoom;
  private final ListMembers listMembers;
  private final KickMember kickMember;
  private final BanMember banMember;
  private final UnbanMember unbanMember;

  public V1MembershipRoutes(
      JoinRoom joinRoom,
      LeaveRoom leaveRoom,
      ListMembers listMembers,
      KickMember kickMember,
      BanMember banMember,
      UnbanMember unbanMember) {
    this.joinRoom = joinRoom;
    this.leaveRoom = leaveRoom;
    this.listMembers = listMembers;
    this.kickMember = kickMember;
    this.banMember = banMember;
    this.unbanMember = unbanMember;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/rooms/{id}/join", true, this::join),
        Route.of("POST", "/v1/rooms/{id}/leave", true, this::leave),
        Route.of("GET", "/v1/rooms/{id}/members", true, this::members),
        Route.of("DELETE", "/v1/rooms/{id}/members/{user_id}", true, this::kick),
        Route.of("DELETE", "/v1/rooms/{id}/bans/{user_id}", true, this::unban));
  }

  private Reply join(ApiRequest r) {
    return Reply.ok(V1Json.room(joinRoom.join(new JoinRoom.Command(r.caller(), r.pathRoom("id")))));
  }

  private Reply leave(ApiRequest r) {
    leaveRoom.leave(new LeaveRoom.Command(r.caller(), r.pathRoom("id")));
    return Reply.ok(Map.of());
  }

  private Reply members(ApiRequest r) {
    OptionalInt limit = r.queryInt("limit").map(OptionalInt::of).orElse(OptionalInt.empty());
    MemberPage page =
        listMembers.list(
            new ListMembers.Query(
                r.caller(),
                r.pathRoom("id"),
                r.query("from").map(v -> AccountId.parse(v, "from")),
                limit));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("members", page.members().stream().map(V1Json::member).toList());
    out.put("next", page.next().map(AccountId::value).orElse(null));
    return Reply.ok(out);
  }

  /** {@code ?ban=true} bans as well. */
  private Reply kick(ApiRequest r) {
    boolean ban = r.queryBoolean("ban").orElse(false);
    RoomId room = r.pathRoom("id");
    AccountId target = r.pathAccount("user_id");
    if (ban) banMember.ban(new BanMember.Command(r.caller(), room, target));
    else kickMember.kick(new KickMember.Command(r.caller(), room, target));
    return Reply.ok(Map.of());
  }

  private Reply unban(ApiRequest r) {
    unbanMember.unban(
        new UnbanMember.Command(r.caller(), r.pathRoom("id"), r.pathAccount("user_id")));
    return Reply.ok(Map.of());
  }
}
