package dev.chatcore.adapter.http.chat;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.chat.PostChatMessage;
import dev.chatcore.application.dm.SendDirectMessage;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.RoomId;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /chat/message} and {@code POST /chat/dm} (SPEC §4): a player's messages to a room and
 * to players.
 */
public final class ChatMessageRoutes {
  private static final Set<String> MESSAGE_FIELDS = Set.of("text", "context", "roomId");
  private static final Set<String> DM_MESSAGE_FIELDS = Set.of("text", "context");

  private final PlayerEndpoints players;
  private final PostChatMessage postChatMessage;
  private final SendDirectMessage sendDirectMessage;

  public ChatMessageRoutes(
      PlayerEndpoints players,
      PostChatMessage postChatMessage,
      SendDirectMessage sendDirectMessage) {
    this.players = players;
    this.postChatMessage = postChatMessage;
    this.sendDirectMessage = sendDirectMessage;
  }

  public List<Route> routes() {
    return List.of(
        players.route("POST", "/chat/message", this::message),
        players.route("POST", "/chat/dm", this::dm));
  }

  private Map<String, Object> message(ApiRequest r) {
    JsonBody message = r.json().requiredObject("message");
    message.allowOnly(MESSAGE_FIELDS);
    RoomId room = RoomId.parse(message.requiredString("roomId"), "message.roomId");
    var posted =
        postChatMessage.post(
            new PostChatMessage.Command(
                r.caller(),
                room,
                message.optionalString("text").orElse(null),
                message.optionalOpaqueObject("context")));
    return Map.of("message", ChatJson.posted(posted));
  }

  private Map<String, Object> dm(ApiRequest r) {
    JsonBody body = r.json();
    List<String> players =
        body.optionalStringList("players")
            .orElseThrow(() -> new InvalidInputException("players", "is required"));
    JsonBody message = body.requiredObject("message");
    message.allowOnly(DM_MESSAGE_FIELDS);
    var posted =
        sendDirectMessage.send(
            new SendDirectMessage.Command(
                r.caller(),
                players,
                message.optionalString("text").orElse(null),
                message.optionalOpaqueObject("context")));
    return Map.of("message", ChatJson.posted(posted));
  }
}
