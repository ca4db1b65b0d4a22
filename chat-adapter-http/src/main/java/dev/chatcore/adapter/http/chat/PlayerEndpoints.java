package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.Endpoint;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.Caller;
import dev.chatcore.application.chat.AdmitPlayer;
import dev.chatcore.application.chat.LastRead;
import dev.chatcore.application.chat.ReadRoomUpdates;
import dev.chatcore.application.chat.RoomUpdates;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every route of the Chat V2 player API (SPEC §4) does around its own work: it first admits
 * the player (activity, its one global room), then runs its use case, then, for players (not
 * admins), adds {@code roomUpdates} and {@code announcements} computed from {@code lastRead} and
 * {@code detailed} (query parameters, or body fields on requests with a body; the body wins). The
 * player route classes share one.
 */
public final class PlayerEndpoints {
  /** A route's own work: the body before the unread keys are added. */
  @FunctionalInterface
  interface Work {
    Map<String, Object> handle(ApiRequest request);
  }

  private final AdmitPlayer admitPlayer;
  private final ReadRoomUpdates readRoomUpdates;

  public PlayerEndpoints(AdmitPlayer admitPlayer, ReadRoomUpdates readRoomUpdates) {
    this.admitPlayer = admitPlayer;
    this.readRoomUpdates = readRoomUpdates;
  }

  /**
   * An authenticated route whose endpoint admits the player, runs {@code work} and adds the unread
   * data.
   */
  Route route(String method, String template, Work work) {
    return Route.of(method, template, true, endpoint(work));
  }

  private Endpoint endpoint(Work work) {
    return r -> {
      Caller caller = r.caller();
      LastRead lastRead =
          readRoomUpdates.lastRead(param(r, "lastRead", JsonBody::optionalLong, r::queryLong));
      boolean detailed =
          param(r, "detailed", JsonBody::optionalBoolean, r::queryBoolean).orElse(false);
      admitPlayer.admit(caller);
      Map<String, Object> body = new LinkedHashMap<>(work.handle(r));
      if (!caller.admin()) {
        RoomUpdates updates = readRoomUpdates.read(new ReadRoomUpdates.Query(caller, lastRead));
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
  private static <T> Optional<T> param(
      ApiRequest r, String name, BodyField<T> body, QueryField<T> query) {
    Optional<T> fromBody = body.read(r.json(), name);
    return fromBody.isPresent() ? fromBody : query.read(name);
  }
}
