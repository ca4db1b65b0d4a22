package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.Caller;
import dev.chatcore.application.e2ee.SendEncryptedMessage;
import dev.chatcore.application.message.HistoryPage;
import dev.chatcore.application.message.ReadHistory;
import dev.chatcore.application.message.SendMessage;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * {@code /v1/rooms/{id}/messages} (SPEC §3): a room's history, and posting to it, plain ({@code
 * m.plain}) or end-to-end encrypted ({@code m.encrypted}).
 */
public final class V1MessageRoutes {
  private final ReadHistory readHistory;
  private final SendMessage sendMessage;
  private final SendEncryptedMessage sendEncryptedMessage;

  public V1MessageRoutes(
      ReadHistory readHistory, SendMessage sendMessage, SendEncryptedMessage sendEncryptedMessage) {
    this.readHistory = readHistory;
    this.sendMessage = sendMessage;
    this.sendEncryptedMessage = sendEncryptedMessage;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/rooms/{id}/messages", true, this::history),
        Route.of("POST", "/v1/rooms/{id}/messages", true, this::send));
  }

  private Reply history(ApiRequest r) {
    Direction dir =
        switch (r.query("dir").orElse("b")) {
          case "b" -> Direction.BACKWARD;
          case "f" -> Direction.FORWARD;
          default -> throw new InvalidInputException("dir", "must be b or f");
        };
    OptionalInt limit = r.queryInt("limit").map(OptionalInt::of).orElse(OptionalInt.empty());
    HistoryPage page =
        readHistory.read(
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
    if (!type.equals("m.plain"))
      throw new InvalidInputException("type", "must be m.plain or m.encrypted");
    Event event = sendMessage.send(message(r.caller(), r.pathRoom("id"), body));
    return Reply.ok(Map.of("event_id", event.id().toString()));
  }

  /**
   * An {@code m.plain} message to post, read the same way from the HTTP post's body and a WebSocket
   * {@code send}: {@code content.text}, {@code content.context}, {@code txn_id}.
   */
  static SendMessage.Command message(Caller caller, RoomId room, JsonBody body) {
    JsonBody content = body.requiredObject("content");
    return new SendMessage.Command(
        caller,
        room,
        content.optionalString("text").orElse(""),
        content.optionalOpaqueObject("context"),
        body.optionalString("txn_id"));
  }

  /** {@code m.encrypted}: Megolm ciphertext, stored as it came (SendEncryptedMessage). */
  private Reply sendEncrypted(ApiRequest r, JsonBody body) {
    r.caller().requireDevice();
    JsonBody content = body.requiredObject("content");
    Event event =
        sendEncryptedMessage.send(
            new SendEncryptedMessage.Command(
                r.caller(),
                r.pathRoom("id"),
                content.requiredString("algorithm"),
                content.requiredString("ciphertext"),
                content.optionalString("sender_key"),
                content.requiredString("session_id"),
                content.requiredString("device_id"),
                body.optionalString("txn_id")));
    return Reply.ok(Map.of("event_id", event.id().toString()));
  }
}
