package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.Futures;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.adapter.http.auth.JwtTokens;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.Caller;
import dev.chatcore.application.e2ee.SendEncryptedMessage;
import dev.chatcore.application.message.HistoryPage;
import dev.chatcore.application.message.MessageSummary;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.sync.Sync;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.sync.SyncBatch;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;

/** The {@code /v1} API (SPEC §3): each handler parses, calls one use case, renders. */
public final class V1Routes {
  private static final Duration DEFAULT_INVITE_LIFETIME = Duration.ofDays(7);

  private final ChatCore core;
  private final JwtTokens tokens;
  private final Duration tokenTtl;

  /** @param tokenTtl lifetime of the tokens the server issues at invite redemption */
  public V1Routes(ChatCore core, JwtTokens tokens, Duration tokenTtl) {
    this.core = core;
    this.tokens = tokens;
    this.tokenTtl = tokenTtl;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/invites/redeem", false, this::redeemInvite),
        Route.of("POST", "/v1/invites", true, this::createInvite),
        Route.of("GET", "/v1/invites", true, this::listInvites),
        Route.of("DELETE", "/v1/invites/{code}", true, this::revokeInvite),
        Route.of("GET", "/v1/me", true, this::me),
        Route.of("GET", "/v1/rooms", true, this::listRooms),
        Route.of("POST", "/v1/rooms", true, this::createRoom),
        Route.of("GET", "/v1/rooms/{id}", true, this::getRoom),
        Route.of("DELETE", "/v1/rooms/{id}", true, this::deleteRoom),
        Route.of("GET", "/v1/rooms/{id}/messages", true, this::history),
        Route.of("POST", "/v1/rooms/{id}/messages", true, this::send),
        new Route("GET", "/v1/sync", true, this::sync).unlimited());
  }

  private Reply redeemInvite(ApiRequest r) {
    JsonBody body = r.json();
    Account account = core.redeemInvite().redeem(body.optionalString("code").orElse(null),
        body.requiredString("display_name"));
    String token = tokens.issue(account.id(), account.displayName(), account.admin(), tokenTtl);
    return Reply.ok(Map.of("user_id", account.id().value(), "access_token", token,
        "expires_in", tokenTtl.toSeconds()));
  }

  private Reply createInvite(ApiRequest r) {
    r.caller().requireAdmin();
    JsonBody body = r.json();
    int uses = body.optionalInt("uses").orElse(1);
    Duration lifetime = body.optionalLong("expires_in_s").map(Duration::ofSeconds).orElse(DEFAULT_INVITE_LIFETIME);
    return new Reply(201, invite(core.createInvite().create(r.caller(), uses, lifetime)));
  }

  private Reply listInvites(ApiRequest r) {
    return Reply.ok(Map.of("invites", core.listInvites().list(r.caller()).stream().map(V1Routes::invite).toList()));
  }

  private Reply revokeInvite(ApiRequest r) {
    core.revokeInvite().revoke(r.caller(), r.path("code"));
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

  private Reply me(ApiRequest r) {
    Account me = core.getMe().me(r.caller());
    return Reply.ok(Map.of("user_id", me.id().value(), "display_name", me.displayName(), "admin", me.admin()));
  }

  private Reply listRooms(ApiRequest r) {
    return Reply.ok(Map.of("rooms", core.listRooms().list(r.caller()).stream().map(V1Json::room).toList()));
  }

  private Reply createRoom(ApiRequest r) {
    r.caller().requireAdmin();
    JsonBody body = r.json();
    return Reply.created(V1Json.room(core.createRoom().create(new CreateRoom.Command(
        r.caller(), body.requiredString("name"), body.optionalString("topic")))));
  }

  private Reply getRoom(ApiRequest r) {
    return Reply.ok(V1Json.room(core.getRoom().get(r.caller(), r.pathRoom("id"))));
  }

  private Reply deleteRoom(ApiRequest r) {
    core.deleteRoom().delete(r.caller(), r.pathRoom("id"));
    return Reply.ok(Map.of());
  }

  private Reply history(ApiRequest r) {
    Direction dir = switch (r.query("dir").orElse("b")) {
      case "b" -> Direction.BACKWARD;
      case "f" -> Direction.FORWARD;
      default -> throw new InvalidInputException("dir", "must be b or f");
    };
    OptionalInt limit = r.queryInt("limit").map(OptionalInt::of).orElse(OptionalInt.empty());
    HistoryPage page = core.readHistory().read(
        new ReadHistory.Query(r.caller(), r.pathRoom("id"), r.queryEvent("from"), dir, limit));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("chunk", page.chunk().stream().map(e -> V1Json.event(e, page.summaries())).toList());
    out.put("start", page.start().map(EventId::toString).orElse(null));
    out.put("end", page.end().map(EventId::toString).orElse(null));
    return Reply.ok(out);
  }

  private Reply send(ApiRequest r) {
    JsonBody body = r.json();
    String type = body.optionalString("type").orElse("m.plain");
    if (type.equals("m.encrypted")) return sendEncrypted(r, body);
    if (!type.equals("m.plain")) throw new InvalidInputException("type", "must be m.plain or m.encrypted");
    JsonBody content = body.requiredObject("content");
    Event event = core.sendMessage().send(new SendMessage.Command(r.caller(), r.pathRoom("id"),
        content.optionalString("text").orElse(""), content.optionalOpaqueObject("context"),
        body.optionalString("txn_id")));
    return Reply.ok(Map.of("event_id", event.id().toString()));
  }

  /** {@code m.encrypted}: Megolm ciphertext, stored as it came (SendEncryptedMessage). */
  private Reply sendEncrypted(ApiRequest r, JsonBody body) {
    r.caller().requireDevice();
    JsonBody content = body.requiredObject("content");
    Event event = core.e2ee().sendEncryptedMessage().send(new SendEncryptedMessage.Command(r.caller(), r.pathRoom("id"),
        content.requiredString("algorithm"), content.requiredString("ciphertext"), content.optionalString("sender_key"),
        content.requiredString("session_id"), content.requiredString("device_id"), body.optionalString("txn_id")));
    return Reply.ok(Map.of("event_id", event.id().toString()));
  }

  private CompletableFuture<Reply> sync(ApiRequest r) {
    Caller caller = r.caller();
    EventId since = r.queryEvent("since").orElseThrow(() -> new InvalidInputException("since", "is required"));
    Duration timeout = r.query("timeout").map(SyncParams::timeout).orElse(core.limits().syncTimeoutDefault());
    Sync.Command command = new Sync.Command(caller, since, timeout, SyncParams.filter(r.query("filter")));
    return Futures.map(core.sync().sync(command), batch -> syncReply(batch,
        core.messageAggregates().summarize(caller.id(), batch.events())));
  }

  private static Reply syncReply(SyncBatch batch, Map<EventId, MessageSummary> summaries) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("events", batch.events().stream().map(e -> V1Json.event(e, summaries)).toList());
    out.put("next_batch", batch.nextBatch().toString());
    out.put("limited", batch.limited());
    batch.device().ifPresent(d -> V1DeviceJson.addTo(out, d));
    return Reply.ok(out);
  }
}
