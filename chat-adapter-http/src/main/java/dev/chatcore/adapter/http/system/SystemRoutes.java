package dev.chatcore.adapter.http.system;

import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.adapter.http.ServerInfo;
import dev.chatcore.application.health.CheckReadiness;
import dev.chatcore.application.health.Readiness;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.StreamLimits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntSupplier;

/** Liveness, readiness and {@code /.well-known}: no token needed. */
public final class SystemRoutes {
  /** What this server implements, as {@code /.well-known} publishes it. */
  public static final List<String> CAPABILITIES =
      List.of(
          "m.plain",
          "sync.long_poll",
          "sync.filter",
          "history.pagination",
          "txn_id",
          "invites",
          "channels.auto_join",
          "rooms.join_leave",
          "rooms.members",
          "rooms.kick_ban",
          "m.reaction",
          "m.typing",
          "m.receipt",
          "unread_count",
          "history.aggregates",
          "chat.unread",
          "chat.global_rooms",
          "chat.dm",
          "chat.preferences",
          "chat.reports",
          "chat.admin.broadcast",
          "chat.announcements",
          "chat.admin.reports",
          "chat.admin.messages",
          "chat.admin.rooms",
          "m.edit",
          "m.redaction",
          "message.expiration",
          "retention.janitor",
          "chat.admin.ban_history",
          "sync.admin_watch",
          "console",
          "e2ee.devices",
          "e2ee.keys",
          "e2ee.to_device",
          "m.encrypted",
          "stream.sse",
          "stream.websocket",
          "stream.tickets");

  private final CheckReadiness readiness;
  private final Limits limits;
  private final E2eeLimits e2ee;
  private final ServerInfo info;
  private final List<String> tokenAlgorithms;
  private final IntSupplier heldSyncs;
  private final IntSupplier openStreams;

  /**
   * @param tokenAlgorithms the JWS algorithms bearer tokens may be signed with ({@code
   *     /.well-known})
   * @param heldSyncs how many long-polls are held now (reported by {@code /readyz})
   * @param openStreams how many live streams are open now (reported by {@code /readyz})
   */
  public SystemRoutes(
      CheckReadiness readiness,
      Limits limits,
      E2eeLimits e2ee,
      ServerInfo info,
      List<String> tokenAlgorithms,
      IntSupplier heldSyncs,
      IntSupplier openStreams) {
    this.readiness = readiness;
    this.limits = limits;
    this.e2ee = e2ee;
    this.info = info;
    this.tokenAlgorithms = List.copyOf(tokenAlgorithms);
    this.heldSyncs = heldSyncs;
    this.openStreams = openStreams;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/healthz", false, r -> Reply.ok(Map.of("status", "ok"))).unlimited(),
        Route.of("GET", "/readyz", false, r -> ready()).unlimited(),
        Route.of("GET", "/.well-known", false, r -> Reply.ok(wellKnown())).unlimited(),
        Route.of("GET", "/.well-known/chat", false, r -> Reply.ok(wellKnown())).unlimited());
  }

  /**
   * 200 {@code ready}; 200 {@code degraded} with what is wrong while a dependency fails that the
   * node serves without (the published keys: cached ones keep verifying); 503 {@code unavailable}
   * with the failed check when storage does not answer.
   */
  private Reply ready() {
    Readiness r = readiness.check();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", r.status().name().toLowerCase(Locale.ROOT));
    r.failure().ifPresent(failure -> body.put("failed", failure));
    if (!r.degraded().isEmpty()) body.put("degraded", r.degraded());
    body.put("held_syncs", heldSyncs.getAsInt());
    body.put("open_streams", openStreams.getAsInt());
    return new Reply(r.status() == Readiness.Status.UNAVAILABLE ? 503 : 200, body);
  }

  private Map<String, Object> wellKnown() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("server", Map.of("name", info.name(), "version", info.version()));
    body.put("api_versions", List.of("v1", "chat"));
    body.put("limits", limits());
    body.put("capabilities", CAPABILITIES);
    body.put(
        "auth",
        Map.of(
            "type",
            "bearer",
            "token_format",
            "jwt",
            "algorithms",
            tokenAlgorithms,
            "invite_redeem",
            "/v1/invites/redeem"));
    body.put("media", Map.of("upload", false));
    body.put("storage", info.storage());
    body.put("sync_delivery", info.syncDelivery());
    return body;
  }

  /** The live streams' limits ({@code GET /v1/events}, {@code GET /v1/ws}). */
  private Map<String, Object> streams() {
    StreamLimits s = limits.streams();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("per_account", s.perAccount());
    out.put("heartbeat_ms", s.heartbeat().toMillis());
    out.put("lifetime_ms", s.lifetime().toMillis());
    out.put("queue_max_events", s.queuedEventsMax());
    out.put("queue_max_bytes", s.queuedBytesMax());
    out.put("ticket_expires_in_s", s.ticketLifetime().toSeconds());
    return out;
  }

  private Map<String, Object> limits() {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put(
        "sync_timeout_ms",
        Map.of(
            "default",
            limits.syncTimeoutDefault().toMillis(),
            "min",
            limits.syncTimeoutMin().toMillis(),
            "max",
            limits.syncTimeoutMax().toMillis()));
    l.put("sync_batch_max", limits.syncBatchMax());
    l.put("sync_held_per_account", limits.heldSyncsPerAccount());
    l.put(
        "history_limit",
        Map.of("default", limits.historyLimitDefault(), "max", limits.historyLimitMax()));
    l.put("request_body_max_bytes", limits.requestBodyMaxBytes());
    l.put("message_text_max_chars", limits.messageTextMaxChars());
    l.put("message_context_max_bytes", limits.messageContextMaxBytes());
    l.put("preferences_max_bytes", limits.preferencesMaxBytes());
    l.put("room_name_max_chars", limits.roomNameMaxChars());
    l.put("reaction_key_max_chars", limits.reactionKeyMaxChars());
    l.put(
        "typing_timeout_ms",
        Map.of(
            "default",
            limits.typingTimeoutDefault().toMillis(),
            "max",
            limits.typingTimeoutMax().toMillis()));
    l.put("dm_members_max", limits.dmMembersMax());
    l.put("global_room_capacity", limits.globalRoomCapacity());
    l.put("global_room_overflow_capacity", limits.globalRoomOverflowCapacity());
    l.put("private_room_capacity", limits.privateRoomCapacity());
    l.put(
        "rate_limit",
        Map.of("per_second", limits.rateLimitPerSecond(), "burst", limits.rateLimitBurst()));
    l.put("streams", streams());
    l.put("e2ee", e2eeLimits());
    return l;
  }

  private Map<String, Object> e2eeLimits() {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("device_id_max_chars", DeviceId.MAX_CHARS);
    l.put("device_keys_max_bytes", e2ee.deviceKeysMaxBytes());
    l.put("one_time_keys_per_upload_max", e2ee.oneTimeKeysPerUploadMax());
    l.put("one_time_keys_per_device_max", e2ee.oneTimeKeysPerDeviceMax());
    l.put("key_max_bytes", e2ee.keyMaxBytes());
    l.put("query_users_max", e2ee.queryUsersMax());
    l.put("claim_devices_max", e2ee.claimDevicesMax());
    l.put("to_device_recipients_max", e2ee.toDeviceRecipientsMax());
    l.put("to_device_message_max_bytes", e2ee.toDeviceMessageMaxBytes());
    l.put("to_device_batch_max", e2ee.toDeviceBatchMax());
    l.put("to_device_lifetime_s", e2ee.toDeviceLifetime().toSeconds());
    l.put("encrypted_content_max_bytes", e2ee.encryptedContentMaxBytes());
    return l;
  }
}
