package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chatcore.server.logging.LogFormat;
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
    assertMessage(Map.of("CHAT_LOG_FORMAT", "xml"), "CHAT_LOG_FORMAT: expected text or json (got \"xml\")");
    assertMessage(Map.of("CHAT_ACCESS_LOG", "yes"), "CHAT_ACCESS_LOG: expected true or false (got \"yes\")");
  }

  @Test
  void logsAreTextWithoutAnAccessLogUnlessConfigured() {
    assertEquals(new LogConfig(LogFormat.TEXT, false), ServerConfig.fromEnvironment(Map.of()).logging());
    assertEquals(new LogConfig(LogFormat.JSON, true),
        ServerConfig.fromEnvironment(Map.of("CHAT_LOG_FORMAT", "json", "CHAT_ACCESS_LOG", "true")).logging());
  }

  private static void assertMessage(Map<String, String> env, String message) {
    ConfigException e = assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(env));
    assertEquals(message, e.getMessage());
  }
}
