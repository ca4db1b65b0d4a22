package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.adapter.http.auth.AuthSettings;
import dev.chatcore.adapter.http.auth.ClaimMapping;
import dev.chatcore.domain.policy.StreamLimits;
import dev.chatcore.server.logging.LogFormat;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerConfigTest {
  @Test
  void defaultsMatchTheSpec() {
    ServerConfig config = ServerConfig.fromEnvironment(Map.of());
    assertEquals("127.0.0.1", config.host());
    assertEquals(8080, config.port());
    assertEquals(StorageKind.MEMORY, config.storage());
    assertEquals(Duration.ofSeconds(30), config.limits().syncTimeoutDefault());
    assertEquals(64 * 1024, config.limits().requestBodyMaxBytes());
  }

  @Test
  void readsEveryLimitFromTheEnvironment() {
    ServerConfig config =
        ServerConfig.fromEnvironment(
            Map.of(
                "CHAT_PORT",
                "9000",
                "CHAT_SYNC_TIMEOUT_MAX_MS",
                "120000",
                "CHAT_RATE_LIMIT_BURST",
                "80",
                "CHAT_AUTH_SECRET",
                "0123456789abcdef0123456789abcdef"));
    assertEquals(9000, config.port());
    assertEquals(Duration.ofSeconds(120), config.limits().syncTimeoutMax());
    assertEquals(80, config.limits().rateLimitBurst());
  }

  @Test
  void readsTheStreamLimits() {
    ServerConfig defaults = ServerConfig.fromEnvironment(Map.of());
    assertEquals(StreamLimits.defaults(), defaults.limits().streams());
    var streams =
        ServerConfig.fromEnvironment(
                Map.of(
                    "CHAT_STREAM_PER_ACCOUNT",
                    "2",
                    "CHAT_STREAM_HEARTBEAT_MS",
                    "5000",
                    "CHAT_STREAM_LIFETIME_S",
                    "600",
                    "CHAT_STREAM_QUEUE_MAX_EVENTS",
                    "500",
                    "CHAT_STREAM_QUEUE_MAX_BYTES",
                    "65536",
                    "CHAT_STREAM_TICKET_TTL_S",
                    "10"))
            .limits()
            .streams();
    assertEquals(
        new StreamLimits(
            2, Duration.ofSeconds(5), Duration.ofMinutes(10), 500, 65536, Duration.ofSeconds(10)),
        streams);
    assertMessage(
        Map.of("CHAT_STREAM_QUEUE_MAX_EVENTS", "50"),
        "CHAT_STREAM_QUEUE_MAX_EVENTS: expected an integer from 100 to 10000000 (got \"50\")");
    assertMessage(
        Map.of("CHAT_STREAM_HEARTBEAT_MS", "10"),
        "CHAT_STREAM_HEARTBEAT_MS: expected an integer from 100 to 3600000 (got \"10\")");
  }

  @Test
  void badValuesNameTheVariableAndWhatItExpects() {
    assertMessage(
        Map.of("CHAT_PORT", "eighty"),
        "CHAT_PORT: expected an integer from 0 to 65535 (got \"eighty\")");
    assertMessage(
        Map.of("CHAT_PORT", "70000"),
        "CHAT_PORT: expected an integer from 0 to 65535 (got \"70000\")");
    assertMessage(
        Map.of("CHAT_STORAGE", "redis"),
        "CHAT_STORAGE: expected memory or mongodb (got \"redis\")");
    assertMessage(
        Map.of("CHAT_AUTH_SECRET", "short"), "CHAT_AUTH_SECRET: expected at least 32 bytes");
    assertMessage(
        Map.of("CHAT_SYNC_TIMEOUT_DEFAULT_MS", "500"),
        "CHAT_SYNC_TIMEOUT_DEFAULT_MS: expected an integer from 1000 to 60000 (got \"500\")");
    assertMessage(
        Map.of("CHAT_LOG_FORMAT", "xml"), "CHAT_LOG_FORMAT: expected text or json (got \"xml\")");
    assertMessage(
        Map.of("CHAT_ACCESS_LOG", "yes"), "CHAT_ACCESS_LOG: expected true or false (got \"yes\")");
  }

  @Test
  void logsAreTextWithoutAnAccessLogUnlessConfigured() {
    assertEquals(
        new LogConfig(LogFormat.TEXT, false), ServerConfig.fromEnvironment(Map.of()).logging());
    assertEquals(
        new LogConfig(LogFormat.JSON, true),
        ServerConfig.fromEnvironment(Map.of("CHAT_LOG_FORMAT", "json", "CHAT_ACCESS_LOG", "true"))
            .logging());
  }

  @Test
  void metricsAreOffUnlessAManagementPortIsSet() {
    assertEquals(Optional.empty(), ServerConfig.fromEnvironment(Map.of()).management());
    assertEquals(
        Optional.of(new ManagementConfig("0.0.0.0", 9090)),
        ServerConfig.fromEnvironment(Map.of("CHAT_HOST", "0.0.0.0", "CHAT_MANAGEMENT_PORT", "9090"))
            .management());
    assertEquals(
        Optional.of(new ManagementConfig("10.0.0.5", 0)),
        ServerConfig.fromEnvironment(
                Map.of("CHAT_MANAGEMENT_PORT", "0", "CHAT_MANAGEMENT_HOST", "10.0.0.5"))
            .management());
    assertMessage(
        Map.of("CHAT_MANAGEMENT_PORT", "metrics"),
        "CHAT_MANAGEMENT_PORT: expected an integer from 0 to 65535 (got \"metrics\")");
    assertMessage(
        Map.of("CHAT_MANAGEMENT_PORT", "8080"),
        "CHAT_MANAGEMENT_PORT: expected a port other than CHAT_PORT (got \"8080\")");
    assertMessage(
        Map.of("CHAT_MANAGEMENT_HOST", "10.0.0.5"),
        "CHAT_MANAGEMENT_HOST: expected CHAT_MANAGEMENT_PORT to be set too");
  }

  @Test
  void authDefaultsToHs256WithTheStandardClaims() {
    AuthConfig auth = ServerConfig.fromEnvironment(Map.of()).auth();
    assertEquals(Optional.empty(), auth.jwks());
    assertEquals(Optional.empty(), auth.issuer());
    assertEquals(ClaimMapping.DEFAULT, auth.claims());
    assertEquals(Duration.ZERO, auth.clockSkew());
  }

  @Test
  void readsTheAuthenticationServiceSettings() {
    AuthConfig auth =
        ServerConfig.fromEnvironment(
                Map.of(
                    "CHAT_AUTH_JWKS_URL",
                    "https://auth.studio.example/.well-known/jwks.json",
                    "CHAT_AUTH_JWKS_CACHE_S",
                    "600",
                    "CHAT_AUTH_JWKS_REFRESH_MIN_S",
                    "60",
                    "CHAT_AUTH_JWKS_OUTAGE_S",
                    "7200",
                    "CHAT_AUTH_JWKS_TIMEOUT_MS",
                    "500",
                    "CHAT_AUTH_ISSUER",
                    "https://auth.studio.example",
                    "CHAT_AUTH_AUDIENCE",
                    "chat",
                    "CHAT_AUTH_CLAIM_SUB",
                    "player_id",
                    "CHAT_AUTH_CLAIM_NAME",
                    "nickname",
                    "CHAT_AUTH_CLAIM_ADMIN",
                    "roles:chat-admin"))
            .auth();
    AuthSettings.Jwks jwks = auth.jwks().orElseThrow();
    assertEquals("https://auth.studio.example/.well-known/jwks.json", jwks.url().toString());
    assertEquals(Duration.ofMinutes(10), jwks.cacheTtl());
    assertEquals(Duration.ofMinutes(1), jwks.refreshMinInterval());
    assertEquals(Duration.ofHours(2), jwks.outageTolerance());
    assertEquals(Duration.ofMillis(500), jwks.timeout());
    assertEquals(Optional.of("https://auth.studio.example"), auth.issuer());
    assertEquals(Optional.of("chat"), auth.audience());
    assertEquals(
        new ClaimMapping(
            "player_id", "nickname", new ClaimMapping.AdminClaim.Role("roles", "chat-admin")),
        auth.claims());
  }

  @Test
  void badAuthValuesNameTheVariable() {
    assertMessage(
        Map.of("CHAT_AUTH_JWKS_URL", "ftp://auth.example/jwks"),
        "CHAT_AUTH_JWKS_URL: expected an http(s) "
            + "URL of the authentication service's JWKS, e.g. https://auth.example/.well-known/jwks.json (got \"ftp://auth.example/jwks\")");
    assertMessage(
        Map.of("CHAT_AUTH_JWKS_CACHE_S", "600", "CHAT_AUTH_JWKS_REFRESH_MIN_S", "600"),
        "CHAT_AUTH_JWKS_REFRESH_MIN_S: expected an integer from 1 to 599 (got \"600\")");
    assertMessage(
        Map.of("CHAT_AUTH_CLAIM_ADMIN", "roles:"),
        "CHAT_AUTH_CLAIM_ADMIN: expected a boolean claim's "
            + "name, or claim:role for a role in an array claim (got \"roles:\")");
    assertMessage(
        Map.of("CHAT_AUTH_CLAIM_SUB", "uid", "CHAT_AUTH_CLAIM_NAME", "uid"),
        "CHAT_AUTH_CLAIM_NAME: expected a claim other than the account id's (got \"uid\")");
    assertMessage(
        Map.of("CHAT_AUTH_CLAIM_ADMIN", "sub:admins"),
        "CHAT_AUTH_CLAIM_ADMIN: expected a claim other than the account id's and the name's (got \"sub:admins\")");
    assertMessage(
        Map.of("CHAT_AUTH_CLOCK_SKEW_S", "-1"),
        "CHAT_AUTH_CLOCK_SKEW_S: expected an integer from 0 to 300 (got \"-1\")");
  }

  @Test
  void idleAndParseTimeoutsAreReadAndCheckedWithTheRest() {
    ServerConfig defaults = ServerConfig.fromEnvironment(Map.of());
    assertEquals(Duration.ofMinutes(10), defaults.globalIdleTimeout());
    assertEquals(Duration.ofSeconds(20), defaults.requestParseTimeout());
    ServerConfig set =
        ServerConfig.fromEnvironment(
            Map.of("CHAT_GLOBAL_IDLE_TIMEOUT_S", " 90 ", "CHAT_REQUEST_PARSE_TIMEOUT_MS", "1500"));
    assertEquals(Duration.ofSeconds(90), set.globalIdleTimeout());
    assertEquals(Duration.ofMillis(1500), set.requestParseTimeout());
    for (String bad : new String[] {"abc", "5", "-1", "999999999"}) {
      assertMessage(
          Map.of("CHAT_GLOBAL_IDLE_TIMEOUT_S", bad),
          "CHAT_GLOBAL_IDLE_TIMEOUT_S: expected an integer from 10 to 604800 (got \""
              + bad
              + "\")");
    }
    assertMessage(
        Map.of("CHAT_REQUEST_PARSE_TIMEOUT_MS", "50"),
        "CHAT_REQUEST_PARSE_TIMEOUT_MS: expected an integer from 100 to 600000 (got \"50\")");
  }

  private static void assertMessage(Map<String, String> env, String message) {
    ConfigException e =
        assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(env));
    assertEquals(message, e.getMessage());
  }
}
