package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real responses have the shapes docs/openapi.yaml gives them: every field a response carries is
 * a declared property of its schema, and every required property is there.
 */
class OpenApiShapesTest {
  static HttpTestServer server;
  static JsonNode schemas;
  static JsonNode doc;

  @BeforeAll
  static void start() throws Exception {
    server = new HttpTestServer();
    doc = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(Path.of("../docs/openapi.yaml")));
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
    HttpTestServer.Response room = server.post("/v1/rooms", admin, "{\"name\":\"lobby\",\"topic\":\"hi\"}");
    assertEquals(201, room.status(), room.toString());
    conforms("Room", room.json());
    String roomId = room.text("room_id");
    server.post("/v1/rooms/" + roomId + "/messages", player, "{\"content\":{\"text\":\"gg\",\"context\":{\"k\":1}}}");
    JsonNode chunk = server.get("/v1/rooms/" + roomId + "/messages", player).get("chunk");
    assertEquals(1, chunk.size());
    conforms("MessageEvent", chunk.get(0));
    conforms("Member", server.get("/v1/rooms/" + roomId + "/members", admin).get("members").get(0));
    conforms("Invite", server.post("/v1/invites", admin, "{\"uses\":2}").json());
    JsonNode events = server.get("/v1/sync?since=000000000000000000000000&timeout=1s", player).get("events");
    assertTrue(events.size() >= 2);
    for (JsonNode e : events) conforms(e.path("type").asText().equals("m.plain") ? "MessageEvent" : "EventBase", e);
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
    HttpTestServer.Response posted = server.post("/chat/message", bob,
        "{\"message\":{\"text\":\"hello\",\"context\":{\"emote\":true},\"roomId\":\"" + global.path("id").asText() + "\"}}");
    conforms("ChatMessage", posted.get("message"));
    JsonNode unread = server.get("/chat?detailed=true", ada).get("roomUpdates").get(0);
    conforms("ChatRoom", unread);
    conforms("ChatMessage", unread.get("unread").get(0));
    conforms("ChatRoom", server.get("/chat/rooms", ada).get("rooms").get(0));
    conforms("Preferences", server.get("/chat/preferences", ada).get("preferences"));
    conforms("Report", server.post("/chat/report", ada, "{\"messageId\":\"" + posted.get("message").path("id").asText() + "\"}")
        .get("report"));
    HttpTestServer.Response ban = server.post("/chat/admin/bans", admin,
        "{\"accountId\":\"" + adaId.value() + "\",\"duration\":60,\"reason\":\"test\"}");
    conforms("Ban", ban.get("ban"));
    HttpTestServer.Response banned = server.get("/chat/", ada);
    assertEquals(401, banned.status());
    conforms("Error", banned.json());
  }

  @Test
  void everyErrorCodeTheAdapterCanAnswerIsInTheDocument() {
    Set<String> codes = new HashSet<>();
    for (JsonNode code : schemas.path("Error").path("properties").path("error").path("enum")) codes.add(code.asText());
    List<Throwable> failures = List.of(new InvalidInputException("f", "bad"), new NotFoundException("x"),
        new ForbiddenException("x"), new ConflictException("x"), new PayloadTooLargeException("x"),
        new BannedException(Instant.EPOCH, "x"), new RateLimitedException(Duration.ofSeconds(1)),
        new UnavailableException("x", null), HttpProblem.unauthorized("x"), HttpProblem.notFound("x"),
        HttpProblem.methodNotAllowed("GET"), HttpProblem.payloadTooLarge(1), HttpProblem.unsupportedMediaType(),
        HttpProblem.badRequest("x"), new IllegalStateException("a bug"));
    for (Throwable t : failures) {
      String code = HttpErrors.toReply(t).error();
      assertTrue(codes.contains(code), code + " (from " + t.getClass().getSimpleName() + ") is documented");
    }
  }

  /** Every field of {@code json} is declared by the schema (allOf merged), every required one is present. */
  private static void conforms(String schema, JsonNode json) {
    Set<String> declared = new HashSet<>();
    Set<String> required = new HashSet<>();
    collect(schemas.path(schema), declared, required);
    assertTrue(!declared.isEmpty(), "schema " + schema + " declares properties");
    for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
      String field = it.next();
      assertTrue(declared.contains(field), schema + " does not declare '" + field + "' of " + json);
    }
    for (String field : required) assertTrue(json.has(field), schema + " requires '" + field + "': " + json);
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
