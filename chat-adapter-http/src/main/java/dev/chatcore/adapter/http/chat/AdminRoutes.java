package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.Endpoint;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.admin.AdminMessages;
import dev.chatcore.application.admin.AdminServices;
import dev.chatcore.application.admin.Broadcast;
import dev.chatcore.application.admin.EditMessage;
import dev.chatcore.application.admin.ListAdminRooms;
import dev.chatcore.application.admin.ListReports;
import dev.chatcore.application.admin.PrivateRooms;
import dev.chatcore.application.admin.ReviewReport;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Chat V2 admin API (SPEC §4, reference §6): broadcasts and announcements, report review,
 * private rooms.
 * Every route refuses a player token with 403 before it reads anything; admin responses carry no
 * unread data.
 */
public final class AdminRoutes {
  private static final Set<String> BROADCAST_FIELDS = Set.of("text", "context", "roomId", "channel", "accountId");

  private final AdminServices admin;

  public AdminRoutes(AdminServices admin) {
    this.admin = admin;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/chat/admin/broadcast", true, adminOnly(this::broadcast)),
        Route.of("GET", "/chat/admin/reports", true, adminOnly(this::reports)),
        Route.of("PATCH", "/chat/admin/reports/update", true, adminOnly(this::updateReport)),
        Route.of("GET", "/chat/admin/messages", true, adminOnly(this::messages)),
        Route.of("GET", "/chat/admin/messages/search", true, adminOnly(this::search)),
        Route.of("DELETE", "/chat/admin/messages/delete", true, adminOnly(this::deleteMessage)),
        Route.of("PUT", "/chat/admin/messages/update", true, adminOnly(this::updateMessage)),
        Route.of("GET", "/chat/admin/rooms", true, adminOnly(this::rooms)),
        Route.of("POST", "/chat/admin/rooms/new", true, adminOnly(this::newRoom)),
        Route.of("PATCH", "/chat/admin/rooms/update", true, adminOnly(this::updateRoom)));
  }

  /** Refuses players (403) before parsing, so a player never learns what a valid body is. */
  static Endpoint adminOnly(Endpoint endpoint) {
    return r -> {
      r.caller().requireAdmin();
      return endpoint.handle(r);
    };
  }

  private Reply broadcast(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("messages", "expiration", "lastRead"));
    List<JsonBody> messages = body.optionalObjectList("messages")
        .orElseThrow(() -> new InvalidInputException("messages", "is required"));
    List<Broadcast.Item> items = new ArrayList<>(messages.size());
    for (int i = 0; i < messages.size(); i++) {
      JsonBody m = messages.get(i);
      m.allowOnly(BROADCAST_FIELDS);
      String field = "messages[" + i + "]";
      items.add(new Broadcast.Item(
          m.optionalString("roomId").filter(s -> !s.isBlank()).map(s -> RoomId.parse(s.strip(), field + ".roomId")),
          m.optionalInt("channel").orElse(0),
          m.optionalString("accountId").map(s -> AccountId.parse(s.strip(), field + ".accountId")),
          m.optionalString("text").orElse(null),
          m.optionalOpaqueObject("context")));
    }
    Optional<Instant> expiration = body.optionalEpochSecond("expiration");
    List<Broadcast.Sent> sent = admin.broadcast().broadcast(new Broadcast.Command(r.caller(), items, expiration));
    return Reply.ok(Map.of("messages", sent.stream().map(ChatJson::broadcast).toList()));
  }

  private Reply reports(ApiRequest r) {
    int page = r.queryInt("page").orElse(0);
    Optional<String> reportId = r.query("reportId").map(String::strip).filter(s -> !s.isEmpty());
    Optional<AccountId> account = r.query("accountId").map(s -> AccountId.parse(s.strip(), "accountId"));
    ListReports.Page found = admin.listReports().list(new ListReports.Query(r.caller(), reportId, account, page));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("reports", found.reports().stream().map(ChatJson::adminReport).toList());
    out.put("page", found.page());
    out.put("reportsPerPage", found.perPage());
    out.put("remainingReportCount", found.remaining());
    return Reply.ok(out);
  }

  private Reply updateReport(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("reportId", "status", "adminNote", "lastRead"));
    var reviewed = admin.reviewReport().review(new ReviewReport.Command(r.caller(), body.requiredString("reportId").strip(),
        body.optionalInt("status"), body.optionalString("adminNote")));
    return Reply.ok(Map.of("report", ChatJson.adminReport(reviewed)));
  }

  private Reply messages(ApiRequest r) {
    AdminMessages.Page found = admin.messages().list(new AdminMessages.Query(r.caller(),
        r.query("roomId").map(s -> RoomId.parse(s.strip(), "roomId")),
        r.query("accountId").map(s -> AccountId.parse(s.strip(), "accountId")),
        r.query("messageId").map(String::strip), Optional.empty(), r.queryInt("page").orElse(0)));
    Map<String, Object> out = messagePage(found);
    out.put("hackedMessages", found.hacked().stream().map(ChatJson::hacked).toList());
    out.put("remainingHackedMessageCount", found.remainingHacked());
    out.put("announcements", admin.announcements().active(r.caller()).stream().map(ChatJson::announcement).toList());
    return Reply.ok(out);
  }

  private Reply search(ApiRequest r) {
    String term = r.query("term").orElseThrow(() -> new InvalidInputException("term", "is required"));
    AdminMessages.Page found = admin.messages().list(new AdminMessages.Query(r.caller(), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.of(term), r.queryInt("page").orElse(0)));
    return Reply.ok(messagePage(found));
  }

  private static Map<String, Object> messagePage(AdminMessages.Page found) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("messages", found.messages().stream().map(ChatJson::adminMessage).toList());
    out.put("page", found.page());
    out.put("messagesPerPage", found.perPage());
    out.put("remainingMessageCount", found.remaining());
    return out;
  }

  private Reply updateMessage(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("message", "lastRead"));
    JsonBody m = body.requiredObject("message");
    m.allowOnly(Set.of("id", "text", "context", "expiration"));
    EditMessage.Edited edited = admin.editMessage().edit(new EditMessage.Command(r.caller(),
        m.requiredString("id").strip(), m.optionalString("text"), m.optionalOpaqueObject("context"),
        m.optionalEpochSecond("expiration")));
    return Reply.ok(Map.of("message", switch (edited) {
      case EditMessage.Edited.Message e -> ChatJson.adminMessage(e.event());
      case EditMessage.Edited.Announced a -> ChatJson.announcement(a.announcement());
    }));
  }

  private Reply deleteMessage(ApiRequest r) {
    String id = r.query("id").map(String::strip).orElseThrow(() -> new InvalidInputException("id", "is required"));
    // an announcement ends; any other message is redacted and deleted
    if (!admin.announcements().end(r.caller(), id)) admin.messages().delete(r.caller(), id);
    return Reply.ok(Map.of());
  }

  private Reply rooms(ApiRequest r) {
    int page = r.queryInt("page").orElse(0);
    Optional<RoomId> room = r.query("roomId").map(s -> RoomId.parse(s.strip(), "roomId"));
    Optional<AccountId> account = r.query("accountId").map(s -> AccountId.parse(s.strip(), "accountId"));
    ListAdminRooms.Page found = admin.listRooms().list(new ListAdminRooms.Query(r.caller(), room, account, page));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("rooms", found.rooms().stream().map(l -> ChatJson.room(l.room(), l.members(), null, true)).toList());
    out.put("page", found.page());
    out.put("roomsPerPage", found.perPage());
    out.put("remainingRoomCount", found.remaining());
    return Reply.ok(out);
  }

  private Reply newRoom(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("accountIds", "data", "channel", "lastRead"));
    List<String> accounts = body.optionalStringList("accountIds")
        .orElseThrow(() -> new InvalidInputException("accountIds", "is required"));
    var room = admin.privateRooms().create(new PrivateRooms.Create(r.caller(), accounts,
        body.optionalOpaqueObject("data"), body.optionalInt("channel")));
    return Reply.ok(Map.of("room", roomJson(r, room)));
  }

  private Reply updateRoom(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("roomId", "accountIds", "data", "lastRead"));
    RoomId room = RoomId.parse(body.requiredString("roomId").strip(), "roomId");
    List<String> accounts = body.optionalStringList("accountIds")
        .orElseThrow(() -> new InvalidInputException("accountIds", "is required (empty deletes the room)"));
    PrivateRooms.Updated updated = admin.privateRooms().update(new PrivateRooms.Update(r.caller(), room, accounts,
        body.optionalOpaqueObject("data")));
    if (updated.room().isEmpty()) return Reply.ok(Map.of("messagesDeleted", updated.messagesDeleted()));
    return Reply.ok(Map.of("room", roomJson(r, updated.room().get())));
  }

  /** The room as the listing shows it (with its members now). */
  private Map<String, Object> roomJson(ApiRequest r, dev.chatcore.domain.room.Room room) {
    List<ListAdminRooms.Listed> listed = admin.listRooms().list(new ListAdminRooms.Query(r.caller(),
        Optional.of(room.id()), Optional.empty(), 0)).rooms();
    if (listed.isEmpty()) return ChatJson.room(room, List.of(), null, true);
    return ChatJson.room(listed.getFirst().room(), listed.getFirst().members(), null, true);
  }
}
