package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.dm.LeaveDirectMessage;
import dev.chatcore.application.globalroom.GetGlobalRoom;
import dev.chatcore.application.globalroom.JoinGlobalRoom;
import dev.chatcore.application.globalroom.ListGlobalRooms;
import dev.chatcore.domain.chat.GlobalRoom;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.RoomId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /chat/rooms} (SPEC §4): the global rooms with space, a move into one of them, and leaving
 * a DM room.
 */
public final class ChatRoomRoutes {
  private final PlayerEndpoints players;
  private final ListGlobalRooms listGlobalRooms;
  private final JoinGlobalRoom joinGlobalRoom;
  private final GetGlobalRoom getGlobalRoom;
  private final LeaveDirectMessage leaveDirectMessage;

  /**
   * @param getGlobalRoom shows the room just joined as the listing shows rooms
   */
  public ChatRoomRoutes(
      PlayerEndpoints players,
      ListGlobalRooms listGlobalRooms,
      JoinGlobalRoom joinGlobalRoom,
      GetGlobalRoom getGlobalRoom,
      LeaveDirectMessage leaveDirectMessage) {
    this.players = players;
    this.listGlobalRooms = listGlobalRooms;
    this.joinGlobalRoom = joinGlobalRoom;
    this.getGlobalRoom = getGlobalRoom;
    this.leaveDirectMessage = leaveDirectMessage;
  }

  public List<Route> routes() {
    return List.of(
        players.route("GET", "/chat/rooms", this::listRooms),
        players.route("PATCH", "/chat/rooms/join", this::join),
        players.route("DELETE", "/chat/rooms/leave", this::leave));
  }

  private Map<String, Object> listRooms(ApiRequest r) {
    ListGlobalRooms.Page page = listGlobalRooms.list(r.queryInt("page").orElse(0));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(
        "rooms",
        page.rooms().stream().map(l -> ChatJson.room(l.room(), l.members(), null, true)).toList());
    out.put("page", page.page());
    out.put("roomsPerPage", page.roomsPerPage());
    out.put("remainingRoomCount", page.remaining());
    return out;
  }

  private Map<String, Object> join(ApiRequest r) {
    RoomId room = RoomId.parse(r.json().requiredString("roomId"), "roomId");
    GlobalRoom joined = joinGlobalRoom.join(new JoinGlobalRoom.Command(r.caller(), room));
    ListGlobalRooms.Listed shown = getGlobalRoom.get(joined.id());
    return Map.of("room", ChatJson.room(shown.room(), shown.members(), null, true));
  }

  private Map<String, Object> leave(ApiRequest r) {
    RoomId room =
        RoomId.parse(
            r.query("roomId").orElseThrow(() -> new InvalidInputException("roomId", "is required")),
            "roomId");
    leaveDirectMessage.leave(new LeaveDirectMessage.Command(r.caller(), room));
    return Map.of();
  }
}
