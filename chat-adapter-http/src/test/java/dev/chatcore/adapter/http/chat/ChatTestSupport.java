package dev.chatcore.adapter.http.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import dev.chatcore.domain.testing.TestIds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Helpers shared by the {@code /chat} HTTP tests. */
final class ChatTestSupport {
  private ChatTestSupport() {}

  /** The test server's limits with other global room capacities. */
  static Limits globalCapacity(int capacity, int overflow) {
    return HttpTestServer.generousRateLimit(Limits.defaults()).toBuilder()
        .globalRoomCapacity(capacity)
        .globalRoomOverflowCapacity(overflow)
        .build();
  }

  /** A private room (the admin API of a later issue makes them; tests write storage). */
  static RoomId privateRoom(HttpTestServer api, Optional<String> data, AccountId... members) {
    RoomId id = TestIds.room();
    api.storage()
        .rooms()
        .create(
            new Room(
                id,
                RoomType.PRIVATE,
                Optional.empty(),
                Optional.empty(),
                api.clock().instant(),
                0,
                2,
                data.map(JsonObjectText::new),
                Optional.empty(),
                Optional.empty()));
    for (AccountId m : members) {
      api.storage()
          .memberships()
          .put(
              new RoomMember(
                  id, m, MemberState.JOINED, api.clock().instant(), api.storage().events().head()));
    }
    return id;
  }

  static String messageBody(RoomId room, String text) {
    return "{\"message\":{\"text\":\"" + text + "\",\"roomId\":\"" + room.value() + "\"}}";
  }

  /** Posts through {@code /chat/message} and returns the message id. */
  static String say(User client, RoomId room, String text) {
    HttpTestServer.Response r = client.post("/chat/message", messageBody(room, text));
    assertEquals(200, r.status(), r.toString());
    return r.get("message").get("id").asText();
  }

  static JsonNode roomUpdate(HttpTestServer.Response r, RoomId room) {
    for (JsonNode u : r.get("roomUpdates")) if (u.get("id").asText().equals(room.value())) return u;
    return null;
  }

  static List<String> unreadTexts(HttpTestServer.Response r, RoomId room) {
    List<String> out = new ArrayList<>();
    JsonNode u = roomUpdate(r, room);
    if (u != null) for (JsonNode m : u.get("unread")) out.add(m.get("text").asText());
    return out;
  }

  static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    for (JsonNode m : array) out.add(m.get("text").asText());
    return out;
  }

  /** The texts of a {@code /v1} history chunk. */
  static List<String> v1Texts(JsonNode chunk) {
    List<String> out = new ArrayList<>();
    for (JsonNode e : chunk) out.add(e.get("content").get("text").asText());
    return out;
  }

  /** The caller's global room, as its first roomUpdates entry shows it. */
  static RoomId globalRoomOf(HttpTestServer.Response r) {
    JsonNode first = r.get("roomUpdates").get(0);
    assertEquals("Global", first.get("type").asText());
    return new RoomId(first.get("id").asText());
  }

  static long epochSecond(HttpTestServer api) {
    return api.clock().instant().getEpochSecond();
  }
}
