package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
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
    ServerConfig config = ServerConfig.fromEnvironment(Map.of(
        "CHAT_PORT", "9000", "CHAT_SYNC_TIMEOUT_MAX_MS", "120000", "CHAT_RATE_LIMIT_BURST", "80",
        "CHAT_AUTH_SECRET", "0123456789abcdef0123456789abcdef"));
    assertEquals(9000, config.port());
    assertEquals(Duration.ofSeconds(120), config.limits().syncTimeoutMax());
    assertEquals(80, config.limits().rateLimitBurst());
  }

  @Test
  void badValuesNameTheVariableAndWhatItExpects() {
    assertMessage(Map.of("CHAT_PORT", "eighty"), "CHAT_PORT: expected an integer from 0 to 65535 (got \"eighty\")");
    assertMessage(Map.of("CHAT_PORT", "70000"), "CHAT_PORT: expected an integer from 0 to 65535 (got \"70000\")");
    assertMessage(Map.of("CHAT_STORAGE", "redis"), "CHAT_STORAGE: expected memory or mongodb (got \"redis\")");
    assertMessage(Map.of("CHAT_AUTH_SECRET", "short"), "CHAT_AUTH_SECRET: expected at least 32 bytes");
    assertMessage(Map.of("CHAT_SYNC_TIMEOUT_DEFAULT_MS", "500"),
        "CHAT_SYNC_TIMEOUT_DEFAULT_MS: expected an integer from 1000 to 60000 (got \"500\")");
  }

  @Test
  void idleAndParseTimeoutsAreReadAndCheckedWithTheRest() {
    ServerConfig defaults = ServerConfig.fromEnvironment(Map.of());
    assertEquals(Duration.ofMinutes(10), defaults.globalIdleTimeout());
    assertEquals(Duration.ofSeconds(20), defaults.requestParseTimeout());
    ServerConfig set = ServerConfig.fromEnvironment(Map.of("CHAT_GLOBAL_IDLE_TIMEOUT_S", " 90 ",
        "CHAT_REQUEST_PARSE_TIMEOUT_MS", "1500"));
    assertEquals(Duration.ofSeconds(90), set.globalIdleTimeout());
    assertEquals(Duration.ofMillis(1500), set.requestParseTimeout());
    for (String bad : new String[] {"abc", "5", "-1", "999999999"}) {
      assertMessage(Map.of("CHAT_GLOBAL_IDLE_TIMEOUT_S", bad),
          "CHAT_GLOBAL_IDLE_TIMEOUT_S: expected an integer from 10 to 604800 (got \"" + bad + "\")");
    }
    assertMessage(Map.of("CHAT_REQUEST_PARSE_TIMEOUT_MS", "50"),
        "CHAT_REQUEST_PARSE_TIMEOUT_MS: expected an integer from 100 to 600000 (got \"50\")");
  }

  private static void assertMessage(Map<String, String> env, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(env));
    assertEquals(message, e.getMessage());
  }
}
