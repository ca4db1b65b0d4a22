package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.TestIds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hostile-input walk, run over every storage ({@code HostileInputTest} in memory, the server's
 * {@code MongoHostileInputTest} on MongoDB): both must answer every input the same way, and never
 * with a 5xx. Walks every operation of docs/openapi.yaml and sends, for each path and query
 * parameter and each body field (nested ones too), out-of-range and malformed values: huge,
 * negative, of the wrong type, ids past the stream head, empty, overlong. With an admin token and a
 * player token, every answer must be below 500 and every error must carry the JSON error body.
 * Everything else in each request is a plausible value, so the hostile one reaches as deep as it
 * can.
 */
public abstract class HostileInputContract {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
  private static final String PAST_HEAD = "0000000000000000000fffff";
  private static final List<String> HOSTILE_TEXT =
      List.of(
          "",
          " ",
          "-1",
          "0",
          "99999999999999999999",
          "9223372036854775807",
          "-9223372036854775808",
          "100000000000000000",
          "1e300",
          "NaN",
          "true",
          "null",
          "ffffffffffffffffffffffff",
          PAST_HEAD,
          "7fffffffffffffffffffffff",
          "FFFFFFFFFFFFFFFFFFFFFFFF",
          "zzzzzzzzzzzzzzzzzzzzzzzz",
          "\u0000",
          "\ud83d\ude00",
          "x".repeat(5000),
          "a,b,,",
          "30s5",
          "-5s");
  private static final List<String> HOSTILE_JSON =
      List.of(
          "null",
          "true",
          "0",
          "-1",
          "1.5",
          "1e300",
          "-1e300",
          "99999999999999999999",
          "9223372036854775807",
          "-9223372036854775808",
          "100000000000000000",
          "-100000000000000000",
          "\"\"",
          "\" \"",
          "\"-1\"",
          "\"99999999999999999999\"",
          "\"ffffffffffffffffffffffff\"",
          "\"" + PAST_HEAD + "\"",
          "\"\\ud800\"",
          "\"\\u0000\"",
          "\"" + "x".repeat(5000) + "\"",
          "[]",
          "[null]",
          "[1,\"a\",{}]",
          "{}",
          "{\"a\":[]}",
          "[" + "\"" + TestIds.account().value() + "\",".repeat(30) + "\"x\"]");

  private static final ObjectMapper JSON = Json.mapper();
  private static final AtomicLong unique = new AtomicLong();

  /**
   * Stands in a body for a hostile value, which is written as raw JSON text (lone surrogates
   * survive).
   */
  private static final String SLOT = "\u0001hostile\u0001";

  private HttpTestServer server;
  private JsonNode doc;

  /** The server to walk, with a rate limit the walk does not reach; it is closed after the test. */
  protected abstract HttpTestServer newServer();

  @BeforeEach
  void start() throws Exception {
    server = newServer();
    doc =
        new ObjectMapper(new YAMLFactory())
            .readTree(Files.readAllBytes(Path.of("../docs/openapi.yaml")));
  }

  /**
   * Runs after the server (and its storage) closed: stop what {@link #newServer()} started for it.
   */
  protected void afterServerClosed() {}

  @AfterEach
  void stop() {
    server.close();
    afterServerClosed();
  }

  /** Ids of live things the hostile requests can name, made afresh for each operation. */
  record Fixture(
      String admin,
      String player,
      AccountId playerId,
      AccountId other,
      String room,
      String global,
      String event,
      String chatMessage,
      String report,
      String invite) {}

  private Fixture fixture() {
    String admin = server.token(true);
    AccountId playerId = TestIds.account();
    AccountId otherId = TestIds.account();
    String player = server.token(playerId, "player", false);
    String other = server.token(otherId, "other", false);
    String room =
        ok(server.post("/v1/rooms", admin, "{\"name\":\"r" + unique.incrementAndGet() + "\"}"))
            .text("room_id");
    String global = ok(server.get("/chat/", player)).get("roomUpdates").get(0).path("id").asText();
    ok(server.get("/chat/", other));
    String event =
        ok(server.post(
                "/v1/rooms/" + room + "/messages",
                player,
                "{\"content\":{\"text\":\"e" + unique.incrementAndGet() + "\"}}"))
            .text("event_id");
    String chatMessage =
        ok(server.post(
                "/chat/message",
                player,
                "{\"message\":{\"text\":\"c"
                    + unique.incrementAndGet()
                    + "\",\"roomId\":\""
                    + global
                    + "\"}}"))
            .get("message")
            .path("id")
            .asText();
    String report =
        ok(server.post("/chat/report", other, "{\"messageId\":\"" + chatMessage + "\"}"))
            .get("report")
            .path("id")
            .asText();
    String invite = ok(server.post("/v1/invites", admin, "{\"uses\":5}")).text("code");
    return new Fixture(
        admin, player, playerId, otherId, room, global, event, chatMessage, report, invite);
  }

  private HttpTestServer.Response ok(HttpTestServer.Response r) {
    assertTrue(r.status() < 300, r.toString());
    return r;
  }

  /** One request to send and what it varies, for the failure report. */
  record Probe(String method, String path, String query, String body, String token, String what) {}

  @Test
  void noInputAnyClientCanSendIsAnsweredWith5xxOrWithoutTheErrorBody() {
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (!METHODS.contains(op.getKey())) continue;
        Fixture f = fixture();
        List<Probe> probes = new ArrayList<>();
        for (String role : List.of("admin", "player")) {
          probes.addAll(
              probes(
                  op.getKey().toUpperCase(Locale.ROOT),
                  path.getKey(),
                  path.getValue(),
                  op.getValue(),
                  f,
                  role.equals("admin") ? f.admin() : f.player(),
                  role));
        }
        sent += probes.size();
        failures.addAll(send(probes));
      }
    }
    assertTrue(sent > 5000, "sent " + sent);
    assertEquals(
        List.of(),
        failures.subList(0, Math.min(40, failures.size())),
        failures.size() + " failures");
  }

  private List<Probe> probes(
      String method,
      String template,
      JsonNode pathItem,
      JsonNode op,
      Fixture f,
      String token,
      String role) {
    List<JsonNode> parameters = new ArrayList<>();
    pathItem.path("parameters").forEach(p -> parameters.add(resolve(p)));
    op.path("parameters").forEach(p -> parameters.add(resolve(p)));
    Map<String, String> pathValues = new LinkedHashMap<>();
    Map<String, String> query = new LinkedHashMap<>();
    for (JsonNode p : parameters) {
      String name = p.path("name").asText();
      if (p.path("in").asText().equals("path")) pathValues.put(name, pathValue(name, f));
      else if (p.path("required").asBoolean() || name.equals("timeout"))
        query.put(name, queryValue(name, f));
    }
    JsonNode bodySchema =
        op.path("requestBody").path("content").path("application/json").path("schema");
    List<Probe> out = new ArrayList<>();
    String what = role + ": " + method + " " + template;
    out.add(
        probe(
            method,
            template,
            pathValues,
            query,
            baseline(bodySchema, f, "").orElse(null),
            token,
            what));
    for (JsonNode p : parameters) {
      String name = p.path("name").asText();
      boolean inPath = p.path("in").asText().equals("path");
      for (String hostile : HOSTILE_TEXT) {
        if (inPath && hostile.isEmpty()) continue; // another route
        Map<String, String> pv = new LinkedHashMap<>(pathValues);
        Map<String, String> q = new LinkedHashMap<>(query);
        (inPath ? pv : q)
            .put(name, inPath && hostile.length() > 300 ? hostile.substring(0, 300) : hostile);
        out.add(
            probe(
                method,
                template,
                pv,
                q,
                baseline(bodySchema, f, "").orElse(null),
                token,
                what + " " + name + "=" + abbreviate(hostile)));
      }
    }
    if (!bodySchema.isMissingNode()) {
      for (String field : fields(bodySchema, "")) {
        for (String hostile : HOSTILE_JSON) {
          ObjectNode body = (ObjectNode) baseline(bodySchema, f, "").orElseThrow();
          put(body, field, NODES.textNode(SLOT));
          String raw = body.toString().replace(NODES.textNode(SLOT).toString(), hostile);
          out.add(
              new Probe(
                  method,
                  expand(template, pathValues),
                  queryString(query),
                  raw,
                  token,
                  what + " body." + field + "=" + abbreviate(hostile)));
        }
      }
      for (String raw :
          List.of("", "[]", "5", "\"x\"", "{", "{\"a\":1}}", "[".repeat(70) + "]".repeat(70))) {
        out.add(
            new Probe(
                method,
                expand(template, pathValues),
                queryString(query),
                raw,
                token,
                what + " body " + abbreviate(raw)));
      }
    }
    return out;
  }

  private Probe probe(
      String method,
      String template,
      Map<String, String> pathValues,
      Map<String, String> query,
      JsonNode body,
      String token,
      String what) {
    return new Probe(
        method,
        expand(template, pathValues),
        queryString(query),
        body == null ? null : body.toString(),
        token,
        what);
  }

  private List<String> send(List<Probe> probes) {
    List<CompletableFuture<String>> answers = new ArrayList<>();
    for (Probe p : probes) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(server.url(p.path() + p.query())))
              .timeout(Duration.ofSeconds(30))
              .header("Authorization", "Bearer " + p.token());
      if (p.body() != null) b.header("Content-Type", "application/json");
      b.method(
          p.method(),
          p.body() == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(p.body()));
      answers.add(
          server
              .client()
              .sendAsync(b.build(), HttpResponse.BodyHandlers.ofInputStream())
              .thenApply(
                  r ->
                      check(
                          p,
                          r.statusCode(),
                          r.headers().firstValue("Content-Type").orElse(""),
                          bodyOf(r)))
              .exceptionally(t -> p.what() + " -> " + t));
    }
    List<String> failures = new ArrayList<>();
    for (CompletableFuture<String> a : answers) {
      String failure = a.join();
      if (failure != null) failures.add(failure);
    }
    return failures;
  }

  /**
   * The whole body; a live stream's ({@code text/event-stream}) is not read but closed, which ends
   * the stream: its body lasts as long as the stream.
   */
  private static String bodyOf(HttpResponse<InputStream> r) {
    try (InputStream in = r.body()) {
      if (r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"))
        return "(a live stream)";
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Null when the answer is acceptable, else what is wrong with it. */
  private String check(Probe p, int status, String contentType, String answer) {
    String where = p.what() + " -> " + status + " " + abbreviate(answer);
    if (status >= 500) return where;
    if (status < 400) return null;
    if (!contentType.equals("application/json")) return where + " (not JSON)";
    try {
      JsonNode body = JSON.readTree(answer);
      if (!body.path("error").isTextual() || !body.path("message").isTextual())
        return where + " (no error body)";
    } catch (Exception e) {
      return where + " (unparsable)";
    }
    return null;
  }

  /**
   * A body with every required field (and any text) at a plausible value; empty without a schema.
   */
  private Optional<JsonNode> baseline(JsonNode schema, Fixture f, String name) {
    if (schema.isMissingNode()) return Optional.empty();
    JsonNode s = resolve(schema);
    if (isObject(s)) {
      ObjectNode out = NODES.objectNode();
      Map<String, JsonNode> properties = properties(s);
      Set<String> required = required(s);
      properties.forEach(
          (field, fs) -> {
            if (required.contains(field) || field.equals("text") || field.equals("content")) {
              baseline(fs, f, field).ifPresent(v -> out.set(field, v));
            }
          });
      if (name.equals("settings") || name.equals("context") || name.equals("data")) out.put("k", 1);
      return Optional.of(out);
    }
    if (isArray(s)) {
      ArrayNode out = NODES.arrayNode();
      if (name.equals("players") || name.equals("accountIds")) out.add(f.other().value());
      else baseline(s.path("items"), f, name).ifPresent(out::add);
      return Optional.of(out);
    }
    return Optional.of(scalar(s, f, name));
  }

  private JsonNode scalar(JsonNode s, Fixture f, String name) {
    String type = typeOf(s);
    if (s.has("const")) return s.get("const");
    if (s.has("enum")) return s.get("enum").get(0);
    return switch (type) {
      case "integer", "number" ->
          NODES.numberNode(
              switch (name) {
                case "lastRead" -> System.currentTimeMillis() / 1000 - 60;
                case "expiration" -> System.currentTimeMillis() / 1000 + 3600;
                case "duration" -> 60L;
                case "status" -> 50L;
                case "timeout", "expires_in_s" -> 1000L;
                case "channel" -> 0L;
                default -> 1L;
              });
      case "boolean" -> NODES.booleanNode(!name.equals("detailed"));
      default ->
          NODES.textNode(
              switch (name) {
                case "roomId" -> f.global();
                case "accountId" -> f.other().value();
                case "messageId", "id" -> f.chatMessage();
                case "reportId" -> f.report();
                case "event_id" -> f.event();
                case "code" -> f.invite();
                default -> name + unique.incrementAndGet();
              });
    };
  }

  /**
   * Every field path of a body schema: top-level names, {@code a.b} inside objects, {@code a[0].b}
   * inside arrays.
   */
  private List<String> fields(JsonNode schema, String prefix) {
    List<String> out = new ArrayList<>();
    JsonNode s = resolve(schema);
    properties(s)
        .forEach(
            (field, fs) -> {
              out.add(prefix + field);
              JsonNode inner = resolve(fs);
              if (isObject(inner) && !properties(inner).isEmpty())
                out.addAll(fields(inner, prefix + field + "."));
              if (isArray(inner) && isObject(resolve(inner.path("items")))) {
                out.addAll(fields(inner.path("items"), prefix + field + "[0]."));
              }
            });
    return out;
  }

  /** Sets a field path, making the objects and the first array element on the way. */
  private void put(ObjectNode body, String path, JsonNode value) {
    ObjectNode at = body;
    String[] parts = path.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      String part = parts[i];
      if (part.endsWith("[0]")) {
        String name = part.substring(0, part.length() - 3);
        ArrayNode array = at.get(name) instanceof ArrayNode a ? a : at.putArray(name);
        if (array.isEmpty() || !(array.get(0) instanceof ObjectNode)) {
          array.removeAll();
          array.addObject();
        }
        at = (ObjectNode) array.get(0);
      } else {
        at = at.get(part) instanceof ObjectNode o ? o : at.putObject(part);
      }
    }
    at.set(parts[parts.length - 1], value);
  }

  private String pathValue(String name, Fixture f) {
    return switch (name) {
      case "user_id" -> f.playerId().value();
      case "event_id" -> f.event();
      case "code" -> f.invite();
      default -> f.room();
    };
  }

  private String queryValue(String name, Fixture f) {
    return switch (name) {
      case "since" -> "000000000000000000000000";
      case "timeout" -> "1000";
      case "term" -> "c";
      case "id" -> f.chatMessage();
      case "roomId" -> f.global();
      case "accountId" -> f.other().value();
      case "key" -> "k";
      default -> "1";
    };
  }

  private String expand(String template, Map<String, String> values) {
    String out = template;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out =
          out.replace(
              "{" + e.getKey() + "}", URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
    }
    return out;
  }

  private String queryString(Map<String, String> query) {
    StringBuilder out = new StringBuilder();
    query.forEach(
        (k, v) ->
            out.append(out.isEmpty() ? "?" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return out.toString();
  }

  private Map<String, JsonNode> properties(JsonNode s) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    s.path("properties").fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue()));
    for (JsonNode part : s.path("allOf")) out.putAll(properties(resolve(part)));
    return out;
  }

  private Set<String> required(JsonNode s) {
    Set<String> out = new HashSet<>();
    s.path("required").forEach(r -> out.add(r.asText()));
    for (JsonNode part : s.path("allOf")) out.addAll(required(resolve(part)));
    return out;
  }

  private String typeOf(JsonNode s) {
    JsonNode type = s.path("type");
    if (type.isArray()) return type.get(0).asText();
    if (type.isTextual()) return type.asText();
    for (JsonNode branch : s.path("oneOf")) {
      String t = typeOf(resolve(branch));
      if (!t.equals("null")) return t;
    }
    return "string";
  }

  private boolean isObject(JsonNode s) {
    return typeOf(s).equals("object") || s.has("properties") || s.has("allOf");
  }

  private boolean isArray(JsonNode s) {
    return typeOf(s).equals("array");
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode n = node;
    while (n.has("$ref")) n = doc.at(n.get("$ref").asText().substring(1));
    return n;
  }

  private String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
  }
}
