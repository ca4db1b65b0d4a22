package dev.chatcore.adapter.http.chat;

import static dev.chatcore.adapter.http.chat.AdminRoutes.adminOnly;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.admin.CreatePrivateRoom;
import dev.chatcore.application.admin.ListAdminRooms;
import dev.chatcore.application.admin.UpdatePrivateRoom;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.Room;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code /chat/admin/rooms} (SPEC §4, reference §6): the Chat V2 rooms an admin lists, and the
 * private rooms it creates, changes and deletes. Every route is {@linkplain AdminRoutes#adminOnly
 * admin only}.
 */
public final class AdminRoomRoutes {
  private final ListAdminRooms listRooms;
  private final CreatePrivateRoom createPrivateRoom;
  private final UpdatePrivateRoom updatePrivateRoom;

  /**
   * @param listRooms also shows a room created or changed here as the listing shows it
   */
  public AdminRoomRoutes(
      ListAdminRooms listRooms,
      CreatePrivateRoom createPrivateRoom,
      UpdatePrivateRoom updatePrivateRoom) {
    this.listRooms = listRooms;
    this.createPrivateRoom = createPrivateRoom;
    this.updatePrivateRoom = updatePrivateRoom;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/chat/admin/rooms", true, adminOnly(this::rooms)),
        Route.of("POST", "/chat/admin/rooms/new", true, adminOnly(this::newRoom)),
        Route.of("PATCH", "/chat/admin/rooms/update", true, adminOnly(this::updateRoom)));
  }

  private Reply rooms(ApiRequest r) {
    int page = r.queryInt("page").orElse(0);
    Optional<RoomId> room = r.query("roomId").map(s -> RoomId.parse(s.strip(), "roomId"));
    Optional<AccountId> account =
        r.query("accountId").map(s -> AccountId.parse(s.strip(), "accountId"));
    ListAdminRooms.Page found =
        listRooms.list(new ListAdminRooms.Query(r.caller(), room, account, page));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "rooms",
        found.rooms().stream().map(l -> ChatJson.room(l.room(), l.members(), null, true)).toList());
    out.put("page", found.page());
    out.put("roomsPerPage", found.perPage());
    out.put("remainingRoomCount", found.remaining());
    return Reply.ok(out);
  }

  private Reply newRoom(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("accountIds", "data", "channel", "lastRead"));
    List<String> accounts =
        body.optionalStringList("accountIds")
            .orElseThrow(() -> new InvalidInputException("accountIds", "is required"));
    var room =
        createPrivateRoom.create(
            new CreatePrivateRoom.Command(
                r.caller(),
                accounts,
                body.optionalOpaqueObject("data"),
                body.optionalInt("channel")));
    return Reply.ok(Map.of("room", roomJson(r, room)));
  }

  private Reply updateRoom(ApiRequest r) {
    JsonBody body = r.json();
    body.allowOnly(Set.of("roomId", "accountIds", "data", "lastRead"));
    RoomId room = RoomId.parse(body.requiredString("roomId").strip(), "roomId");
    List<String> accounts =
        body.optionalStringList("accountIds")
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        "accountIds", "is required (empty deletes the room)"));
    UpdatePrivateRoom.Updated updated =
        updatePrivateRoom.update(
            new UpdatePrivateRoom.Command(
                r.caller(), room, accounts, body.optionalOpaqueObject("data")));
    if (updated.room().isEmpty())
      return Reply.ok(Map.of("messagesDeleted", updated.messagesDeleted()));
    return Reply.ok(Map.of("room", roomJson(r, updated.room().get())));
  }

  /** The room as the listing shows it (with its members now). */
  private Map<String, Object> roomJson(ApiRequest r, Room room) {
    List<ListAdminRooms.Listed> listed =
        listRooms
            .list(new ListAdminRooms.Query(r.caller(), Optional.of(room.id()), Optional.empty(), 0))
            .rooms();
    if (listed.isEmpty()) return ChatJson.room(room, List.of(), null, true);
    return ChatJson.room(listed.getFirst().room(), listed.getFirst().members(), null, true);
  }
}
