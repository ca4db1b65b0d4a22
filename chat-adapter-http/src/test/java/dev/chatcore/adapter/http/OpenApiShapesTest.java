package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chatcore.application.Caller;
import dev.chatcore.application.admin.CreatePrivateRoom;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.error.BannedException;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.NotFoundException;
import dev.chatcore.domain.error.PayloadTooLargeException;
import dev.chatcore.domain.error.RateLimitedException;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.TestIds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real responses have the shapes docs/openapi.yaml gives them: every field a response carries is a
 * declared property of its schema, and every required property is there.
 */
class OpenApiShapesTest {
  static HttpTestServer server;
  static JsonNode schemas;
  static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    server = HttpTestServer.start();
    doc =
        new ObjectMapper(new YAMLFactory())
            .readTree(Files.readAllBytes(Path.of("../docs/openapi.yaml")));
    schemas = doc.path("components").path("schemas");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void v1ShapesMatchTheirSchemas() {
    String admin = server.token(true);
    AccountId playerId = TestIds.account();
    String player = server.token(playerId, "Ada", false);
    HttpTestServer.Response room =
        server.post("/v1/rooms", admin, "{\"name\":\"lobby\",\"topic\":\"hi\"}");
    assertEquals(201, room.status(), room.toString());
    conforms("Room", room.json());
    String roomId = room.text("room_id");
    server.post(
        "/v1/rooms/" + roomId + "/messages",
        player,
        "{\"content\":{\"text\":\"gg\",\"context\":{\"k\":1}}}");
    JsonNode chunk = server.get("/v1/rooms/" + roomId + "/messages", player).get("chunk");
    assertEquals(1, chunk.size());
    conforms("MessageEvent", chunk.get(0));
    conforms("Member", server.get("/v1/rooms/" + roomId + "/members", admin).get("members").get(0));
    conforms("Invite", server.post("/v1/invites", admin, "{\"uses\":2}").json());
    JsonNode events =
        server.get("/v1/sync?since=000000000000000000000000&timeout=1s", player).get("events");
    assertTrue(events.size() >= 2);
    for (JsonNode e : events)
      conforms(e.path("type").asText().equals("m.plain") ? "MessageEvent" : "EventBase", e);
  }

  @Test
  void e2eeShapesMatchTheirSchemas() {
    AccountId aliceId = TestIds.account();
    AccountId bobId = TestIds.account();
    String alice =
        server
            .tokens()
            .issue(aliceId, "alice", false, Optional.of(new DeviceId("A1")), Duration.ofHours(1));
    String bob =
        server
            .tokens()
            .issue(bobId, "bob", false, Optional.of(new DeviceId("B1")), Duration.ofHours(1));
    String room =
        server
            .core()
            .createPrivateRoom()
            .create(
                new CreatePrivateRoom.Command(
                    new Caller(TestIds.account(), "admin", true),
                    List.of(aliceId.value(), bobId.value()),
                    Optional.empty(),
                    Optional.empty()))
            .id()
            .value();
    String since = server.core().storage().events().head().toString();
    String keys =
        "{\"user_id\":\""
            + bobId
            + "\",\"device_id\":\"B1\",\"algorithms\":[\"m.megolm.v1.aes-sha2\"],"
            + "\"keys\":{\"curve25519:B1\":\"c\",\"ed25519:B1\":\"e\"},\"signatures\":{\""
            + bobId
            + "\":{\"ed25519:B1\":\"s\"}}}";
    conformsResponse(
        "post",
        "/v1/keys/upload",
        server
            .post(
                "/v1/keys/upload",
                bob,
                "{\"device_keys\":"
                    + keys
                    + ",\"one_time_keys\":{\"signed_curve25519:K\":{\"key\":\"k\",\"signatures\":{}}}}")
            .json());
    JsonNode query =
        server.post("/v1/keys/query", alice, "{\"device_keys\":{\"" + bobId + "\":[]}}").json();
    conformsResponse("post", "/v1/keys/query", query);
    conforms("DeviceKeys", query.path("device_keys").path(bobId.value()).path("B1"));
    conformsResponse(
        "post",
        "/v1/keys/claim",
        server
            .post(
                "/v1/keys/claim",
                alice,
                "{\"one_time_keys\":{\"" + bobId + "\":{\"B1\":\"signed_curve25519\"}}}")
            .json());
    conformsResponse("get", "/v1/devices", server.get("/v1/devices", bob).json());
    conformsResponse(
        "get",
        "/v1/keys/changes",
        server.get("/v1/keys/changes?from=" + since + "&to=" + since, alice).json());
    server.method(
        "PUT",
        "/v1/send-to-device/m.room_key/t1",
        alice,
        "application/json",
        "{\"messages\":{\"" + bobId + "\":{\"B1\":{\"k\":1}}}}");
    HttpTestServer.Response on =
        server.method(
            "PUT",
            "/v1/rooms/" + room + "/encryption",
            server.token(true),
            "application/json",
            "{\"algorithm\":\"m.megolm.v1.aes-sha2\"}");
    conforms("Room", on.json());
    server.post(
        "/v1/rooms/" + room + "/messages",
        alice,
        "{\"type\":\"m.encrypted\",\"content\":{\"algorithm\":"
            + "\"m.megolm.v1.aes-sha2\",\"ciphertext\":\"c\",\"session_id\":\"s\",\"device_id\":\"A1\"}}");
    JsonNode sync = server.get("/v1/sync?since=" + since + "&timeout=1s", bob).json();
    conformsResponse("get", "/v1/sync", sync);
    conforms("ToDeviceMessage", sync.path("to_device").get(0));
    for (JsonNode e : sync.path("events")) {
      if (e.path("type").asText().equals("m.encrypted")) conforms("EncryptedEvent", e);
      else
        conformsNode(
            eventContent(e.path("type").asText()),
            e.get("content"),
            e.path("type").asText() + " content");
    }
  }

  @Test
  void chatShapesMatchTheirSchemas() {
    String admin = server.token(true);
    AccountId adaId = TestIds.account();
    String ada = server.token(adaId, "Ada", false);
    String bob = server.token(TestIds.account(), "Bob", false);
    HttpTestServer.Response first = server.get("/chat/", ada);
    JsonNode global = first.get("roomUpdates").get(0);
    conforms("ChatRoom", global);
    HttpTestServer.Response posted =
        server.post(
            "/chat/message",
            bob,
            "{\"message\":{\"text\":\"hello\",\"context\":{\"emote\":true},\"roomId\":\""
                + global.path("id").asText()
                + "\"}}");
    conforms("ChatMessage", posted.get("message"));
    JsonNode unread = server.get("/chat?detailed=true", ada).get("roomUpdates").get(0);
    conforms("ChatRoom", unread);
    conforms("ChatMessage", unread.get("unread").get(0));
    conforms("ChatRoom", server.get("/chat/rooms", ada).get("rooms").get(0));
    conforms("Preferences", server.get("/chat/preferences", ada).get("preferences"));
    conforms(
        "Report",
        server
            .post(
                "/chat/report",
                ada,
                "{\"messageId\":\"" + posted.get("message").path("id").asText() + "\"}")
            .get("report"));
    HttpTestServer.Response ban =
        server.post(
            "/chat/admin/bans",
            admin,
            "{\"accountId\":\"" + adaId.value() + "\",\"duration\":60,\"reason\":\"test\"}");
    conforms("Ban", ban.get("ban"));
    HttpTestServer.Response banned = server.get("/chat/", ada);
    assertEquals(401, banned.status());
    conforms("Error", banned.json());
  }

  @Test
  void adminShapesMatchTheirSchemas() {
    String admin = server.token(true);
    AccountId adaId = TestIds.account();
    AccountId bobId = TestIds.account();
    String ada = server.token(adaId, "Ada", false);
    String bob = server.token(bobId, "Bob", false);
    String global = server.get("/chat/", ada).get("roomUpdates").get(0).path("id").asText();
    server.get("/chat/", bob);
    String said =
        server
            .post(
                "/chat/message",
                bob,
                "{\"message\":{\"text\":\"Buy GOLD\",\"roomId\":\"" + global + "\"}}")
            .get("message")
            .path("id")
            .asText();
    HttpTestServer.Response hacked =
        server.post(
            "/chat/message",
            bob,
            "{\"message\":{\"text\":\"sneaky\",\"context\":{\"k\":1},\"roomId\":\""
                + TestIds.room().value()
                + "\"}}");
    assertEquals(200, hacked.status(), hacked.toString());

    HttpTestServer.Response broadcast =
        server.post(
            "/chat/admin/broadcast",
            admin,
            "{\"messages\":[{\"roomId\":\""
                + global
                + "\",\"text\":\"double xp\",\"context\":{\"event\":7}},{\"channel\":1,\"accountId\":\""
                + adaId.value()
                + "\",\"text\":\"guild war\"},{\"text\":\"maintenance\"}]}");
    assertEquals(200, broadcast.status(), broadcast.toString());
    conformsResponse("post", "/chat/admin/broadcast", broadcast.json());
    assertEquals(3, broadcast.get("messages").size());
    for (JsonNode m : broadcast.get("messages")) conforms("BroadcastMessage", m);
    assertTrue(!broadcast.get("messages").get(2).has("roomId"), "an announcement has no room");

    HttpTestServer.Response messages =
        server.get("/chat/admin/messages?accountId=" + bobId.value(), admin);
    assertEquals(200, messages.status(), messages.toString());
    conformsResponse("get", "/chat/admin/messages", messages.json());
    assertEquals(1, messages.get("messages").size());
    conforms("AdminMessage", messages.get("messages").get(0));
    assertEquals(1, messages.get("hackedMessages").size());
    conforms("HackedMessage", messages.get("hackedMessages").get(0));
    HttpTestServer.Response found = server.get("/chat/admin/messages/search?term=gold", admin);
    assertEquals(200, found.status(), found.toString());
    conformsResponse("get", "/chat/admin/messages/search", found.json());
    for (JsonNode m : found.get("messages")) conforms("AdminMessage", m);
    HttpTestServer.Response edited =
        server.method(
            "PUT",
            "/chat/admin/messages/update",
            admin,
            "application/json",
            "{\"message\":{\"id\":\""
                + said
                + "\",\"text\":\"Buy SILVER\",\"context\":{\"fixed\":true}}}");
    assertEquals(200, edited.status(), edited.toString());
    conformsResponse("put", "/chat/admin/messages/update", edited.json());
    conforms("AdminMessage", edited.get("message"));
    assertTrue(
        edited.get("message").has("editorId") && edited.get("message").has("updatedOn"),
        edited.toString());
    HttpTestServer.Response announced =
        server.method(
            "PUT",
            "/chat/admin/messages/update",
            admin,
            "application/json",
            "{\"message\":{\"id\":\""
                + broadcast.get("messages").get(2).path("id").asText()
                + "\",\"text\":\"maintenance!\"}}");
    assertEquals(200, announced.status(), announced.toString());
    conformsResponse("put", "/chat/admin/messages/update", announced.json());
    conforms("Announcement", announced.get("message"));

    HttpTestServer.Response filed =
        server.post("/chat/report", ada, "{\"messageId\":\"" + said + "\"}");
    assertEquals(200, filed.status(), filed.toString());
    HttpTestServer.Response reports =
        server.get("/chat/admin/reports?accountId=" + bobId.value(), admin);
    assertEquals(200, reports.status(), reports.toString());
    conformsResponse("get", "/chat/admin/reports", reports.json());
    assertEquals(1, reports.get("reports").size());
    conforms("AdminReport", reports.get("reports").get(0));
    HttpTestServer.Response reviewed =
        server.method(
            "PATCH",
            "/chat/admin/reports/update",
            admin,
            "application/json",
            "{\"reportId\":\""
                + filed.get("report").path("id").asText()
                + "\",\"status\":50,\"adminNote\":\"mild\"}");
    assertEquals(200, reviewed.status(), reviewed.toString());
    conformsResponse("patch", "/chat/admin/reports/update", reviewed.json());
    conforms("AdminReport", reviewed.get("report"));

    HttpTestServer.Response created =
        server.post(
            "/chat/admin/rooms/new",
            admin,
            "{\"accountIds\":[\""
                + adaId.value()
                + "\",\""
                + bobId.value()
                + "\"],\"data\":{\"guild\":\"wolves\"}}");
    assertEquals(200, created.status(), created.toString());
    conformsResponse("post", "/chat/admin/rooms/new", created.json());
    conforms("ChatRoom", created.get("room"));
    String roomId = created.get("room").path("id").asText();
    HttpTestServer.Response rooms =
        server.get("/chat/admin/rooms?accountId=" + adaId.value(), admin);
    assertEquals(200, rooms.status(), rooms.toString());
    conformsResponse("get", "/chat/admin/rooms", rooms.json());
    assertEquals(2, rooms.get("rooms").size(), "the global room and the private one");
    for (JsonNode room : rooms.get("rooms")) conforms("ChatRoom", room);
    HttpTestServer.Response updated =
        server.method(
            "PATCH",
            "/chat/admin/rooms/update",
            admin,
            "application/json",
            "{\"roomId\":\"" + roomId + "\",\"accountIds\":[\"" + bobId.value() + "\"]}");
    assertEquals(200, updated.status(), updated.toString());
    conformsResponse("patch", "/chat/admin/rooms/update", updated.json());
    conforms("ChatRoom", updated.get("room"));
    HttpTestServer.Response deleted =
        server.method(
            "PATCH",
            "/chat/admin/rooms/update",
            admin,
            "application/json",
            "{\"roomId\":\"" + roomId + "\",\"accountIds\":[]}");
    assertEquals(200, deleted.status(), deleted.toString());
    conformsResponse("patch", "/chat/admin/rooms/update", deleted.json());
    HttpTestServer.Response removed =
        server.delete("/chat/admin/messages/delete?id=" + said, admin);
    assertEquals(200, removed.status(), removed.toString());
    conformsResponse("delete", "/chat/admin/messages/delete", removed.json());

    HttpTestServer.Response ban =
        server.post("/chat/admin/bans", admin, "{\"accountId\":\"" + bobId.value() + "\"}");
    assertEquals(200, ban.status(), ban.toString());
    conformsResponse("post", "/chat/admin/bans", ban.json());
    conforms("Ban", ban.get("ban"));
    HttpTestServer.Response bans = server.get("/chat/admin/bans?accountId=" + bobId.value(), admin);
    assertEquals(200, bans.status(), bans.toString());
    conformsResponse("get", "/chat/admin/bans", bans.json());
    conforms("Ban", bans.get("bans").get(0));
    HttpTestServer.Response history =
        server.get("/chat/admin/bans/history?accountId=" + bobId.value(), admin);
    assertEquals(200, history.status(), history.toString());
    conformsResponse("get", "/chat/admin/bans/history", history.json());
    conforms("Ban", history.get("history").get(0));

    List<JsonNode> events = new ArrayList<>();
    String since = "000000000000000000000000";
    for (int batch = 0; batch < 50; batch++) {
      JsonNode sync = server.get("/v1/sync?since=" + since + "&timeout=1s", ada).json();
      sync.path("events").forEach(events::add);
      since = sync.path("next_batch").asText();
      if (!sync.path("limited").asBoolean()) break;
    }
    Set<String> adminTypes = new HashSet<>();
    for (JsonNode e : events) {
      String type = e.path("type").asText();
      if (!type.equals("m.edit") && !type.equals("m.redaction")) continue;
      adminTypes.add(type);
      conforms("EventBase", e);
      conformsNode(eventContent(type), e.get("content"), type + " content");
    }
    assertEquals(
        Set.of("m.edit", "m.redaction"), adminTypes, "the edit and the deletion reached the sync");

    HttpTestServer.Response player =
        server.post("/chat/admin/broadcast", ada, "{\"messages\":[{\"text\":\"x\"}]}");
    assertEquals(403, player.status(), player.toString());
    conforms("Error", player.json());
  }

  @Test
  void everyErrorCodeTheAdapterCanAnswerIsInTheDocument() {
    Set<String> codes = new HashSet<>();
    for (JsonNode code : schemas.path("Error").path("properties").path("error").path("enum"))
      codes.add(code.asText());
    List<Throwable> failures =
        List.of(
            new InvalidInputException("f", "bad"),
            new NotFoundException("x"),
            new ForbiddenException("x"),
            new ConflictException("x"),
            new PayloadTooLargeException("x"),
            new BannedException(Instant.EPOCH, "x"),
            new RateLimitedException(Duration.ofSeconds(1)),
            new UnavailableException("x", null),
            HttpProblem.unauthorized("x"),
            HttpProblem.notFound("x"),
            HttpProblem.methodNotAllowed("GET"),
            HttpProblem.payloadTooLarge(1),
            HttpProblem.unsupportedMediaType(),
            HttpProblem.badRequest("x"),
            HttpProblem.notImplemented("x"),
            HttpProblem.shuttingDown(),
            new IllegalStateException("a bug"));
    for (Throwable t : failures) {
      String code = HttpErrors.toReply(t).error();
      assertTrue(
          codes.contains(code),
          code + " (from " + t.getClass().getSimpleName() + ") is documented");
    }
  }

  /**
   * Every field of {@code json} is declared by the schema (allOf merged), every required one is
   * present.
   */
  private static void conforms(String schema, JsonNode json) {
    conformsNode(schemas.path(schema), json, schema);
  }

  /** The 200 answer of an operation has its documented shape (exactly one branch of a oneOf). */
  private static void conformsResponse(String method, String path, JsonNode json) {
    JsonNode response = doc.path("paths").path(path).path(method).path("responses").path("200");
    if (response.has("$ref")) response = doc.at(response.get("$ref").asText().substring(1));
    JsonNode schema = response.path("content").path("application/json").path("schema");
    assertTrue(!schema.isMissingNode(), method + " " + path + " documents a 200 schema");
    String name = method.toUpperCase(Locale.ROOT) + " " + path;
    if (!schema.has("oneOf")) {
      if (schema.path("maxProperties").asInt(-1) == 0) {
        assertEquals(0, json.size(), name + " answers {}: " + json);
      } else {
        conformsNode(schema, json, name);
      }
      return;
    }
    int matching = 0;
    for (JsonNode branch : schema.get("oneOf")) {
      try {
        conformsNode(branch, json, name);
        matching++;
      } catch (AssertionError notThisOne) {
        // another branch may match
      }
    }
    assertEquals(1, matching, name + ": exactly one oneOf branch matches " + json);
  }

  /** The content schema of the Event branch whose type is {@code type}. */
  private static JsonNode eventContent(String type) {
    for (JsonNode branch : schemas.path("Event").path("oneOf")) {
      for (JsonNode part : branch.path("allOf")) {
        if (type.equals(part.path("properties").path("type").path("const").asText())) {
          return part.path("properties").path("content");
        }
      }
    }
    throw new AssertionError("Event documents no " + type);
  }

  private static void conformsNode(JsonNode schemaNode, JsonNode json, String schema) {
    Set<String> declared = new HashSet<>();
    Set<String> required = new HashSet<>();
    collect(schemaNode, declared, required);
    assertTrue(!declared.isEmpty(), "schema " + schema + " declares properties");
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      assertTrue(declared.contains(field), schema + " does not declare '" + field + "' of " + json);
    }
    for (String field : required)
      assertTrue(json.has(field), schema + " requires '" + field + "': " + json);
  }

  private static void collect(JsonNode schema, Set<String> declared, Set<String> required) {
    if (schema.has("$ref")) {
      collect(doc.at(schema.get("$ref").asText().substring(1)), declared, required);
      return;
    }
    schema.path("properties").fieldNames().forEachRemaining(declared::add);
    schema.path("required").forEach(r -> required.add(r.asText()));
    for (JsonNode part : schema.path("allOf")) collect(part, declared, required);
  }
}
