package dev.chatcore.adapter.http.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.id.IdGenerator;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomMember;
import dev.chatcore.domain.room.RoomType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class V1MembershipHttpTest {
  private HttpTestServer server;
  private User admin;

  @BeforeEach
  void start() {
    server = HttpTestServer.start();
    admin = server.registered(server.admin("admin"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String channel(String name) {
    Response created = server.post(admin, "/v1/rooms", "{\"name\":\"" + name + "\"}");
    assertEquals(201, created.status());
    return created.text("room_id");
  }

  private static void assertError(Response r, int status, String error, String messagePart) {
    assertEquals(status, r.status(), r.raw().body());
    assertEquals(error, r.text("error"));
    assertTrue(r.text("message").contains(messagePart), r.text("message"));
  }

  private List<String> roomIds(User who) {
    List<String> ids = new ArrayList<>();
    server
        .get(who, "/v1/rooms")
        .json()
        .path("rooms")
        .forEach(r -> ids.add(r.path("room_id").asText()));
    return ids;
  }

  @Test
  void leaveKeepsAUserOutOfAChannelUntilItJoins() {
    String lobby = channel("lobby");
    User alice = server.registered(server.user("alice"));
    assertTrue(roomIds(alice).contains(lobby));
    Response left = server.post(alice, "/v1/rooms/" + lobby + "/leave", null);
    assertEquals(200, left.status());
    assertEquals(0, left.json().size());
    assertFalse(roomIds(alice).contains(lobby));
    assertError(
        server.post(alice, "/v1/rooms/" + lobby + "/messages", "{\"content\":{\"text\":\"hi\"}}"),
        403,
        "forbidden",
        "not a member");
    Response joined = server.post(alice, "/v1/rooms/" + lobby + "/join", null);
    assertEquals(200, joined.status());
    assertEquals(lobby, joined.text("room_id"));
    assertEquals("channel", joined.text("type"));
    assertEquals(2, joined.json().path("member_count").asLong());
    assertEquals(0, joined.json().path("unread_count").asLong());
    assertTrue(roomIds(alice).contains(lobby));
  }

  @Test
  void membersArePagedWithLimitAndFrom() {
    String lobby = channel("lobby");
    for (int i = 0; i < 3; i++) server.registered(server.user("p" + i));
    List<String> seen = new ArrayList<>();
    String from = null;
    do {
      Response page =
          server.get(
              admin,
              "/v1/rooms/" + lobby + "/members?limit=2" + (from == null ? "" : "&from=" + from));
      assertEquals(200, page.status());
      for (JsonNode m : page.json().path("members")) {
        seen.add(m.path("user_id").asText());
        assertTrue(m.path("joined_ts").asLong() > 0);
        assertTrue(m.has("display_name"));
      }
      from = page.json().path("next").isNull() ? null : page.text("next");
    } while (from != null);
    assertEquals(4, seen.size());
    assertEquals(seen.stream().sorted().toList(), seen, "ordered by user id");
    assertError(
        server.get(admin, "/v1/rooms/" + lobby + "/members?from=nope"), 400, "bad_request", "from");
    assertError(
        server.get(admin, "/v1/rooms/" + lobby + "/members?limit=0"), 400, "bad_request", "limit");
    assertError(
        server.get(admin, "/v1/rooms/" + lobby + "/members?limit=x"), 400, "bad_request", "limit");
  }

  @Test
  void kickBanAndUnbanAreForAdminsAndKeepTheUserOutUntilUnbanned() {
    String lobby = channel("lobby");
    User alice = server.registered(server.user("alice"));
    User bob = server.registered(server.user("bob"));
    assertError(
        server.delete(bob, "/v1/rooms/" + lobby + "/members/" + alice.id()),
        403,
        "forbidden",
        "admin");
    assertError(
        server.delete(admin, "/v1/rooms/" + lobby + "/members/" + alice.id() + "?ban=maybe"),
        400,
        "bad_request",
        "ban");
    assertEquals(
        200,
        server
            .delete(admin, "/v1/rooms/" + lobby + "/members/" + alice.id() + "?ban=true")
            .status());
    assertError(
        server.post(alice, "/v1/rooms/" + lobby + "/join", null), 403, "forbidden", "banned");
    assertError(
        server.delete(bob, "/v1/rooms/" + lobby + "/bans/" + alice.id()),
        403,
        "forbidden",
        "admin");
    assertEquals(200, server.delete(admin, "/v1/rooms/" + lobby + "/bans/" + alice.id()).status());
    assertError(
        server.delete(admin, "/v1/rooms/" + lobby + "/bans/" + alice.id()),
        404,
        "not_found",
        "not banned");
    assertEquals(200, server.post(alice, "/v1/rooms/" + lobby + "/join", null).status());
    assertEquals(
        200, server.delete(admin, "/v1/rooms/" + lobby + "/members/" + alice.id()).status());
    assertError(
        server.delete(admin, "/v1/rooms/" + lobby + "/members/" + alice.id()),
        404,
        "not_found",
        "not a member");
    assertEquals(
        200, server.post(alice, "/v1/rooms/" + lobby + "/join", null).status(), "a kick is no ban");
    assertError(
        server.delete(admin, "/v1/rooms/" + lobby + "/members/xyz"), 400, "bad_request", "user_id");
    assertError(
        server.post(alice, "/v1/rooms/" + "ab".repeat(12) + "/join", null),
        404,
        "not_found",
        "room");
  }

  @Test
  void aKickedUsersSyncTellsItThenStopsShowingTheRoom() {
    String lobby = channel("lobby");
    String other = channel("other");
    User alice = server.registered(server.user("alice"));
    String since = server.core().storage().events().head().toString();
    server.delete(admin, "/v1/rooms/" + lobby + "/members/" + alice.id());
    Response first = server.get(alice, "/v1/sync?timeout=1000&since=" + since);
    assertEquals(200, first.status());
    JsonNode kick = first.json().path("events").get(0);
    assertEquals("m.member", kick.path("type").asText());
    assertEquals(lobby, kick.path("room_id").asText());
    assertEquals(alice.id().value(), kick.path("content").path("user_id").asText());
    assertEquals("kick", kick.path("content").path("membership").asText());
    server.post(admin, "/v1/rooms/" + lobby + "/messages", "{\"content\":{\"text\":\"secret\"}}");
    String visible =
        server
            .post(admin, "/v1/rooms/" + other + "/messages", "{\"content\":{\"text\":\"hello\"}}")
            .text("event_id");
    Response second = server.get(alice, "/v1/sync?timeout=1000&since=" + first.text("next_batch"));
    assertEquals(1, second.json().path("events").size());
    assertEquals(visible, second.json().path("events").get(0).path("event_id").asText());
  }

  @Test
  void privateAndDmRoomsAreNotJoinable() {
    User alice = server.registered(server.user("alice"));
    User bob = server.registered(server.user("bob"));
    for (RoomType type : List.of(RoomType.PRIVATE, RoomType.DM)) {
      RoomId id = new IdGenerator(Clock.systemUTC()).nextRoomId();
      server
          .storage()
          .rooms()
          .create(
              new Room(
                  id,
                  type,
                  Optional.empty(),
                  Optional.empty(),
                  Instant.now(),
                  0,
                  0,
                  Optional.empty(),
                  Optional.empty(),
                  Optional.empty()));
      server
          .storage()
          .memberships()
          .put(
              new RoomMember(
                  id,
                  bob.id(),
                  MemberState.JOINED,
                  Instant.now(),
                  server.storage().events().head()));
      assertError(
          server.post(alice, "/v1/rooms/" + id + "/join", null),
          403,
          "forbidden",
          "cannot be joined");
    }
  }
}
