package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/openapi.yaml describes exactly the routes ChatHttp serves, and the server serves it. */
class OpenApiDocumentTest {
  static HttpTestServer server;
  static JsonNode doc;
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");
  private static final Path DOCUMENT = Path.of("../docs/openapi.yaml");

  @BeforeAll
  static void start() throws Exception {
    server = HttpTestServer.start();
    doc = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(DOCUMENT));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void isOpenApi31() {
    assertEquals("3.1.0", doc.path("openapi").asText());
  }

  @Test
  void documentsEveryRouteAndNoOther() {
    Set<String> served = new TreeSet<>();
    for (Route r : server.api().routes())
      served.add(r.method().toUpperCase(Locale.ROOT) + " " + r.template());
    assertEquals(
        served, documented().keySet(), "routes in ChatHttp vs operations in docs/openapi.yaml");
  }

  @Test
  void exactlyTheRoutesWithoutATokenSayNoSecurity() {
    Map<String, JsonNode> operations = documented();
    for (Route r : server.api().routes()) {
      JsonNode op = operations.get(r.method().toUpperCase(Locale.ROOT) + " " + r.template());
      boolean open = op.has("security") && op.get("security").isEmpty();
      assertEquals(
          !r.authenticated(),
          open,
          r.method() + " " + r.template() + ": security: [] iff no token");
      if (r.authenticated())
        assertTrue(op.path("responses").has("401"), r.template() + " documents its 401");
    }
  }

  @Test
  void everyOperationHasASuccessAndEveryPathParameterIsDeclared() {
    documented()
        .forEach(
            (key, op) -> {
              boolean success = false;
              for (Iterator<String> it = op.path("responses").fieldNames(); it.hasNext(); ) {
                String status = it.next();
                success |=
                    status.startsWith("2")
                        || status.equals("101"); // a WebSocket handshake succeeds with 101
              }
              assertTrue(success, key + " has a 2xx (or 101) response");
              String path = key.substring(key.indexOf(' ') + 1);
              Matcher m = Pattern.compile("\\{([^}]+)}").matcher(path);
              while (m.find()) {
                String name = m.group(1);
                assertTrue(
                    declaresPathParameter(doc.path("paths").path(path), op, name),
                    key + " declares {" + name + "}");
              }
            });
  }

  @Test
  void everyReferenceResolves() {
    List<String> broken = new ArrayList<>();
    walk(doc, broken);
    assertEquals(List.of(), broken);
  }

  @Test
  void theServerServesTheDocumentWithoutAToken() throws Exception {
    HttpResponse<byte[]> response =
        server
            .client()
            .send(
                HttpRequest.newBuilder(URI.create(server.url("/openapi.yaml"))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, response.statusCode());
    assertEquals("application/yaml", response.headers().firstValue("Content-Type").orElse(""));
    assertArrayEquals(
        Files.readAllBytes(DOCUMENT), response.body(), "the packaged copy is docs/openapi.yaml");
  }

  /** "METHOD /path" to its operation object. */
  private static Map<String, JsonNode> documented() {
    Map<String, JsonNode> out = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        paths.hasNext(); ) {
      Map.Entry<String, JsonNode> path = paths.next();
      for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
        Map.Entry<String, JsonNode> op = ops.next();
        if (METHODS.contains(op.getKey()))
          out.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
      }
    }
    return out;
  }

  private static boolean declaresPathParameter(JsonNode pathItem, JsonNode op, String name) {
    for (JsonNode list : List.of(pathItem.path("parameters"), op.path("parameters"))) {
      for (JsonNode p : list) {
        JsonNode param = p.has("$ref") ? resolve(p.get("$ref").asText()) : p;
        if (param != null
            && name.equals(param.path("name").asText())
            && "path".equals(param.path("in").asText())) {
          return true;
        }
      }
    }
    return false;
  }

  private static void walk(JsonNode node, List<String> broken) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && resolve(ref.asText()) == null) broken.add(ref.asText());
      node.elements().forEachRemaining(child -> walk(child, broken));
    } else if (node.isArray()) {
      node.elements().forEachRemaining(child -> walk(child, broken));
    }
  }

  private static JsonNode resolve(String ref) {
    if (!ref.startsWith("#/")) return null;
    JsonNode target = doc.at(ref.substring(1));
    return target.isMissingNode() ? null : target;
  }
}
