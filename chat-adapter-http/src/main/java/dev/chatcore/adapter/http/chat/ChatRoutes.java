package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.Caller;
import dev.chatcore.application.ChatCore;
import dev.chatcore.application.chat.ChatServices;
import dev.chatcore.application.chat.LastRead;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.application.chat.RoomUpdates;
import dev.chatcore.application.dm.LeaveDirectMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.application.globalroom.JoinGlobalRoom;
import dev.chatcore.application.globalroom.ListGlobalRooms;
import dev.chatcore.application.preferences.UpdatePreferences;
import dev.chatcore.application.report.ReportMessage;
import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.RoomId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Chat V2 player API (SPEC §4). Every route first admits the player (activity, its one global
 * room), then runs its use case, then, for players (not admins), adds {@code roomUpdates} and
 * {@code announcements} computed from {@code lastRead} and {@code detailed} (query parameters,
 * or body fields on requests with a body; the body wins).
 */
public final class ChatRoutes {
  private static final Set<String> MESSAGE_FIELDS = Set.of("text", "context", "roomId");
  private static final Set<String> DM_MESSAGE_FIELDS = Set.of("text", "context");

  /** A route's own work: the body before the unread keys are added. */
  @FunctionalInterface
  private interface PlayerEndpoint {
    Map<String, Object> handle(ApiRequest request);
  }

  private final ChatCore core;
  private final ChatServices chat;

  public ChatRoutes(ChatCore core) {
    this.core = core;
    this.chat = core.chat();
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/chat", true, player(r -> Map.of())),
        Route.of("GET", "/chat/", true, player(r -> Map.of())),
        Route.of("GET", "/chat/rooms", true, player(this::listRooms)),
        Route.of("PATCH", "/chat/rooms/join", true, player(this::join)),
        Route.of("DELETE", "/chat/rooms/leave", true, player(this::leave)),
        Route.of("POST", "/chat/message", true, player(this::message)),
        Route.of("POST", "/chat/dm", true, player(this::dm)),
        Route.of("GET", "/chat/preferences", true, player(this::preferences)),
        Route.of("PUT", "/chat/preferences/update", true, player(this::updatePreferences)),
        Route.of("POST", "/chat/report", true, player(this::report)));
  }

  private dev.chatcore.adapter.http.Endpoint player(PlayerEndpoint endpoint) {
    return r -> {
      Caller caller = r.caller();
      LastRead lastRead = chat.readRoomUpdates().lastRead(param(r, "lastRead", JsonBody::optionalLong, r::queryLong));
      boolean detailed = param(r, "detailed", JsonBody::optionalBoolean, r::queryBoolean).orElse(false);
      chat.admitPlayer().admit(caller);
      Map<String, Object> body = new LinkedHashMap<>(endpoint.handle(r));
      if (!caller.admin()) {
        RoomUpdates updates = chat.readRoomUpdates().read(new ReadRoomUpdates.Query(caller, lastRead));
        body.put("roomUpdates", ChatJson.roomUpdates(updates, detailed));
        body.put("announcements", ChatJson.announcements(updates));
      }
      return Reply.ok(body);
    };
  }

  @FunctionalInterface
  private interface BodyField<T> {
    Optional<T> read(JsonBody body, String field);
  }

  @FunctionalInterface
  private interface QueryField<T> {
    Optional<T> read(String name);
  }

  /** A body field on requests with a body (it wins), else the query parameter. */
  private static <T> Optional<T> param(ApiRequest r, String name, BodyField<T> body, QueryField<T> query) {
    Optional<T> fromBody = body.read(r.json(), name);
    return fromBody.isPresent() ? fromBody : query.read(name);
  }

  private Map<String, Object> listRooms(ApiRequest r) {
    ListGlobalRooms.Page page = chat.listGlobalRooms().list(r.queryInt("page").orElse(0));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rooms", page.rooms().stream().map(l -> ChatJson.room(l.room(), l.members(), null, true)).toList());
    out.put("page", page.page());
    out.put("roomsPerPage", page.roomsPerPage());
    out.put("remainingRoomCount", page.remaining());
    return out;
  }

  private Map<String, Object> join(ApiRequest r) {
    RoomId room = RoomId.parse(r.json().requiredString("roomId"), "roomId");
    GlobalRoom joined = chat.joinGlobalRoom().join(new JoinGlobalRoom.Command(r.caller(), room));
    var record = core.storage().rooms().find(joined.id()).orElseThrow();
    return Map.of("room", ChatJson.room(record, core.storage().globalRooms().members(joined.id()), null, true));
  }

  private Map<String, Object> leave(ApiRequest r) {
    RoomId room = RoomId.parse(r.query("roomId").orElseThrow(() -> new InvalidInputException("roomId", "is required")),
        "roomId");
    chat.leaveDirectMessage().leave(new LeaveDirectMessage.Command(r.caller(), room));
    return Map.of();
  }

  private Map<String, Object> message(ApiRequest r) {
    JsonBody message = r.json().requiredObject("message");
    message.allowOnly(MESSAGE_FIELDS);
    RoomId room = RoomId.parse(message.requiredString("roomId"), "message.roomId");
    var posted = chat.postChatMessage().post(new PostChatMessage.Command(r.caller(), room,
        message.optionalString("text").orElse(null), message.optionalOpaqueObject("context")));
    return Map.of("message", ChatJson.posted(posted));
  }

  private Map<String, Object> dm(ApiRequest r) {
    JsonBody body = r.json();
    List<String> players = body.optionalStringList("players")
        .orElseThrow(() -> new InvalidInputException("players", "is required"));
    JsonBody message = body.requiredObject("message");
    message.allowOnly(DM_MESSAGE_FIELDS);
    var posted = chat.sendDirectMessage().send(new SendDirectMessage.Command(r.caller(), players,
        message.optionalString("text").orElse(null), message.optionalOpaqueObject("context")));
    return Map.of("message", ChatJson.posted(posted));
  }

  private Map<String, Object> preferences(ApiRequest r) {
    return Map.of("preferences", ChatJson.preferences(chat.getPreferences().get(r.caller())));
  }

  private Map<String, Object> updatePreferences(ApiRequest r) {
    var stored = chat.updatePreferences().update(
        new UpdatePreferences.Command(r.caller(), r.json().optionalOpaqueObject("settings")));
    return Map.of("preferences", ChatJson.preferences(stored));
  }

  private Map<String, Object> report(ApiRequest r) {
    String messageId = r.json().requiredString("messageId");
    return Map.of("report", ChatJson.report(chat.reportMessage().report(new ReportMessage.Command(r.caller(), messageId,
        r.json().optionalString("claimedText")))));
  }
}
