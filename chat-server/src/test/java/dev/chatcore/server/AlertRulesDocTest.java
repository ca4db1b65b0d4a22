package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.chatcore.server.di.DaggerMemoryServerComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The example Prometheus alert rules in docs/deploying.md are well formed and name only metrics
 * that a real server exports, so a renamed meter cannot leave the documented alerts silent.
 */
class AlertRulesDocTest {
  private static final Path DOC = Path.of("../docs/deploying.md");
  private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\n(.*?)```", Pattern.DOTALL);
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.])[a-zA-Z_:][a-zA-Z0-9_:]*");

  /** PromQL's keywords; a function is an identifier followed by "(". */
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "unless",
          "bool",
          "offset",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right");

  @Test
  void everyRuleIsCompleteAndNamesOnlyExportedMetrics() throws Exception {
    List<JsonNode> rules = rules();
    assertTrue(rules.size() >= 5, "the example rules: " + rules);
    Set<String> exported = exportedNames();
    for (JsonNode rule : rules) {
      for (String field : List.of("alert", "expr", "for", "labels", "annotations")) {
        assertTrue(rule.hasNonNull(field), rule.path("alert").asText() + " has " + field);
      }
      assertTrue(rule.get("labels").has("severity"), rule.get("alert") + " has a severity");
      assertTrue(rule.get("annotations").has("summary"), rule.get("alert") + " has a summary");
      Set<String> metrics = metricsIn(rule.get("expr").asText());
      assertFalse(metrics.isEmpty(), rule.get("alert") + " names a metric");
      for (String metric : metrics) {
        assertTrue(
            exported.contains(metric),
            rule.get("alert") + ": " + metric + " is not exported; exported: " + exported);
      }
    }
  }

  @Test
  void metricNamesAreFoundInAnExpressionWithoutItsFunctionsLabelsAndRanges() {
    assertEquals(
        Set.of("a_seconds_bucket", "b_total"),
        metricsIn(
            "histogram_quantile(0.99, sum by (instance, le) "
                + "(rate(a_seconds_bucket{route!=\"/v1/sync\",x=~\"y|z\"}[5m]))) > 0.5 and on (instance) b_total offset 5m"));
  }

  /** The one YAML block of the document that holds rule groups. */
  private static List<JsonNode> rules() throws Exception {
    Matcher blocks = YAML_BLOCK.matcher(Files.readString(DOC));
    List<JsonNode> rules = new ArrayList<>();
    int groupsBlocks = 0;
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    while (blocks.find()) {
      JsonNode doc = yaml.readTree(blocks.group(1));
      if (doc == null || !doc.has("groups")) continue;
      groupsBlocks++;
      for (JsonNode group : doc.get("groups")) group.get("rules").forEach(rules::add);
    }
    assertEquals(1, groupsBlocks, "one block of alert rules in " + DOC);
    return rules;
  }

  static Set<String> metricsIn(String expr) {
    String bare =
        expr.replaceAll(
                "\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"") // string literals first: they may hold braces
            .replaceAll("\\{[^}]*}", " ")
            .replaceAll("\\[[^]]*]", " ")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    Set<String> metrics = new TreeSet<>();
    Matcher m = IDENTIFIER.matcher(bare);
    while (m.find()) {
      boolean function = bare.substring(m.end()).stripLeading().startsWith("(");
      if (!function && !KEYWORDS.contains(m.group())) metrics.add(m.group());
    }
    return metrics;
  }

  /** Every sample name of a scrape of a real server that has served a request. */
  private static Set<String> exportedNames() throws Exception {
    ChatServer server =
        DaggerMemoryServerComponent.factory()
            .create(
                ServerConfig.fromEnvironment(
                    Map.of(
                        "CHAT_PORT",
                        "0",
                        "CHAT_MANAGEMENT_PORT",
                        "0",
                        "CHAT_AUTH_SECRET",
                        "alert-rules-test-secret-0123456789abcdef")))
            .server();
    server.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      http.send(
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + server.address().getPort() + "/readyz"))
              .build(),
          HttpResponse.BodyHandlers.discarding());
      // the request histogram exists once the request is counted, and the storage one once the
      // readiness ping is
      return MetricsScrape.await(
              server.managementAddress().orElseThrow(),
              s ->
                  s.sum("chat_http_requests_total") >= 1
                      && s.sum("chat_storage_operations_seconds_count") >= 1)
          .names();
    } finally {
      server.stop();
    }
  }
}
