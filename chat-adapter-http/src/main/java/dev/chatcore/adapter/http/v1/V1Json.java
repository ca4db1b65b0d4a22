package dev.chatcore.adapter.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.chatcore.application.room.RoomView;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.room.Room;
import java.util.Locale;
import java.util.Map;

/** Wire shapes of {@code /v1} (snake_case, times in ms since the epoch). */
final class V1Json {
  private V1Json() {}

  record RoomJson(
      @JsonProperty("room_id") String roomId,
      String name,
      String topic,
      String type,
      @JsonProperty("created_ts") long createdTs,
      @JsonProperty("member_count") long memberCount,
      String head,
      @JsonProperty("unread_count") long unreadCount) {}

  record EventJson(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("room_id") String roomId,
      String sender,
      String type,
      Object content,
      @JsonProperty("origin_ts") long originTs) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MessageJson(String text, @JsonRawValue String context) {}

  static RoomJson room(RoomView view) {
    Room room = view.room();
    return new RoomJson(room.id().value(), room.name().orElse(null), room.topic().orElse(null),
        room.type().name().toLowerCase(Locale.ROOT), room.createdAt().toEpochMilli(), view.memberCount(),
        view.head().map(EventId::toString).orElse(null), view.unreadCount());
  }

  static EventJson event(Event event) {
    return new EventJson(event.id().toString(), event.room().value(), event.sender().value(),
        event.type().wireName(), content(event.content()), event.originTs().toEpochMilli());
  }

  static Object content(EventContent content) {
    return switch (content) {
      case EventContent.Message m -> new MessageJson(m.text(), m.context().map(JsonObjectText::json).orElse(null));
      case EventContent.RoomCreated c -> Map.of("name", c.name());
      case EventContent.RoomDeleted d -> Map.of();
      case EventContent.Member m -> Map.of("user_id", m.target().value(),
          "membership", m.membership().name().toLowerCase(Locale.ROOT));
    };
  }
}
