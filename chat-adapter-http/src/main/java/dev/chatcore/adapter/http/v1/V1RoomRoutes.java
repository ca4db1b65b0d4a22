package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.room.CreateRoom;
import dev.chatcore.application.room.DeleteRoom;
import dev.chatcore.application.room.GetRoom;
import dev.chatcore.application.room.ListRooms;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/rooms} (SPEC §3): the caller's rooms, one room, and the admin's creation and deletion.
 */
public final class V1RoomRoutes {
  private final ListRooms listRooms;
  private final CreateRoom createRoom;
  private final GetRoom getRoom;
  private final DeleteRoom deleteRoom;

  public V1RoomRoutes(
      ListRooms listRooms, CreateRoom createRoom, GetRoom getRoom, DeleteRoom deleteRoom) {
    this.listRooms = listRooms;
    this.createRoom = createRoom;
    this.getRoom = getRoom;
    this.deleteRoom = deleteRoom;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/rooms", true, this::listRooms),
        Route.of("POST", "/v1/rooms", true, this::createRoom),
        Route.of("GET", "/v1/rooms/{id}", true, this::getRoom),
        Route.of("DELETE", "/v1/rooms/{id}", true, this::deleteRoom));
  }

  private Reply listRooms(ApiRequest r) {
    return Reply.ok(
        Map.of("rooms", listRooms.list(r.caller()).stream().map(V1Json::room).toList()));
  }

  private Reply createRoom(ApiRequest r) {
    r.caller().requireAdmin();
    JsonBody body = r.json();
    return Reply.created(
        V1Json.room(
            createRoom.create(
                new CreateRoom.Command(
                    r.caller(), body.requiredString("name"), body.optionalString("topic")))));
  }

  private Reply getRoom(ApiRequest r) {
    return Reply.ok(V1Json.room(getRoom.get(r.caller(), r.pathRoom("id"))));
  }

  private Reply deleteRoom(ApiRequest r) {
    deleteRoom.delete(r.caller(), r.pathRoom("id"));
    return Reply.ok(Map.of());
  }
}
