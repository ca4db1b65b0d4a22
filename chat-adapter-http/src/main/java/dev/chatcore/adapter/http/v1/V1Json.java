package dev.chatcore.adapter.http.v1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.chatcore.application.member.MemberView;
import dev.chatcore.application.message.MessageSummary;
import dev.chatcore.application.room.RoomView;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.reaction.ReactionCount;
import dev.chatcore.domain.room.Room;
import java.io.IOException;
import java.util.List;
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
      @JsonProperty("unread_count") long unreadCount,
      EncryptionJson encryption) {}

  /** A room's end-to-end encryption; null until turned on. */
  record EncryptionJson(String algorithm) {}

  /** {@code m.encrypted} content as the sender's device sent it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record EncryptedJson(
      String algorithm,
      String ciphertext,
      @JsonProperty("sender_key") String senderKey,
      @JsonProperty("session_id") String sessionId,
      @JsonProperty("device_id") String deviceId) {}

  record EventJson(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("room_id") String roomId,
      String sender,
      String type,
      Object content,
      @JsonProperty("origin_ts") long originTs) {}

  /** A message event with the aggregates the server computes for the reader. */
  record MessageEventJson(
      @JsonProperty("event_id") String eventId,
      @JsonProperty("room_id") String roomId,
      String sender,
      String type,
      Object content,
      @JsonProperty("origin_ts") long originTs,
      ReactionsJson reactions,
      @JsonProperty("read_by") long readBy) {}

  /**
   * A message's reaction aggregate, {@code [{"key", "count", "me"}, ...]}, written straight from
   * the domain's counts: a history page holds thousands of them, and a wire object per count was
   * the largest allocation of a page request.
   */
  @JsonSerialize(using = ReactionsJson.Writer.class)
  record ReactionsJson(List<ReactionCount> counts) {
    static final class Writer extends StdSerializer<ReactionsJson> {
      private static final SerializedString KEY = new SerializedString("key");
      private static final SerializedString COUNT = new SerializedString("count");
      private static final SerializedString ME = new SerializedString("me");

      Writer() {
        super(ReactionsJson.class);
      }

      @Override
      public void serialize(ReactionsJson value, JsonGenerator out, SerializerProvider provider)
          throws IOException {
        out.writeStartArray(value, value.counts().size());
        for (ReactionCount c : value.counts()) {
          out.writeStartObject();
          out.writeFieldName(KEY); // pre-encoded names: the generator copies their bytes
          out.writeString(c.key());
          out.writeFieldName(COUNT);
          out.writeNumber(c.count());
          out.writeFieldName(ME);
          out.writeBoolean(c.me());
          out.writeEndObject();
        }
        out.writeEndArray();
      }
    }
  }

  record MemberJson(
      @JsonProperty("user_id") String userId,
      @JsonProperty("display_name") String displayName,
      @JsonProperty("joined_ts") long joinedTs) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  record MessageJson(String text, @JsonRawValue String context) {}

  /** {@code m.edit} content: the edited message and its new text and context. */
  record EditJson(String edits, String text, @JsonRawValue String context) {}

  static RoomJson room(RoomView view) {
    Room room = view.room();
    return new RoomJson(
        room.id().value(),
        room.name().orElse(null),
        room.topic().orElse(null),
        room.type().name().toLowerCase(Locale.ROOT),
        room.createdAt().toEpochMilli(),
        view.memberCount(),
        view.head().map(EventId::toString).orElse(null),
        view.unreadCount(),
        room.encryption().map(e -> new EncryptionJson(e.algorithm())).orElse(null));
  }

  static EventJson event(Event event) {
    return new EventJson(
        event.id().toString(),
        event.room().value(),
        event.sender().value(),
        event.type().wireName(),
        content(event.content()),
        event.originTs().toEpochMilli());
  }

  /**
   * An event as history and sync show it: messages carry {@code reactions} and {@code read_by} from
   * {@code summaries}; other events render as {@link #event(Event)}.
   */
  static Object event(Event event, Map<EventId, MessageSummary> summaries) {
    if (!event.isMessage()) return event(event);
    MessageSummary summary = summaries.getOrDefault(event.id(), MessageSummary.NONE);
    return new MessageEventJson(
        event.id().toString(),
        event.room().value(),
        event.sender().value(),
        event.type().wireName(),
        content(event.content()),
        event.originTs().toEpochMilli(),
        reactions(summary.reactions()),
        summary.readBy());
  }

  static ReactionsJson reactions(List<ReactionCount> counts) {
    return new ReactionsJson(counts);
  }

  static MemberJson member(MemberView member) {
    return new MemberJson(
        member.account().value(), member.displayName(), member.joinedAt().toEpochMilli());
  }

  static Object content(EventContent content) {
    return switch (content) {
      case EventContent.Message m ->
          new MessageJson(m.text(), m.context().map(JsonObjectText::json).orElse(null));
      case EventContent.RoomCreated c -> Map.of("name", c.name());
      case EventContent.RoomDeleted d -> Map.of();
      case EventContent.Member m ->
          Map.of(
              "user_id",
              m.target().value(),
              "membership",
              m.membership().name().toLowerCase(Locale.ROOT));
      case EventContent.Reaction r ->
          Map.of(
              "event_id",
              r.target().toString(),
              "key",
              r.key(),
              "action",
              r.added() ? "add" : "remove");
      case EventContent.Typing t ->
          Map.of(
              "user_ids",
              t.userIds().stream().map(AccountId::value).toList(),
              "timeout_ms",
              t.timeout().toMillis());
      case EventContent.Receipt r ->
          Map.of("user_id", r.user().value(), "event_id", r.upTo().toString());
      case EventContent.Redaction r -> Map.of("redacts", r.target().toString());
      case EventContent.Edit e ->
          new EditJson(
              e.target().toString(), e.text(), e.context().map(JsonObjectText::json).orElse(null));
      case EventContent.Encrypted e ->
          new EncryptedJson(
              e.algorithm(),
              e.ciphertext(),
              e.senderKey().orElse(null),
              e.sessionId(),
              e.device().value());
      case EventContent.Encryption e -> Map.of("algorithm", e.algorithm());
    };
  }
}
