package dev.chatcore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chatcore.adapter.mongo.MongoOptions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MongoConfigTest {
  private static final String SECRET = "0123456789abcdef0123456789abcdef";

  private static Map<String, String> mongo(String... more) {
    Map<String, String> env =
        new HashMap<>(
            Map.of(
                "CHAT_STORAGE",
                "mongodb",
                "CHAT_MONGO_URI",
                "mongodb://db1:27017,db2:27017/?replicaSet=rs0",
                "CHAT_AUTH_SECRET",
                SECRET));
    for (int i = 0; i < more.length; i += 2) {
      if (more[i + 1] == null) env.remove(more[i]);
      else env.put(more[i], more[i + 1]);
    }
    return env;
  }

  private static String failure(Map<String, String> env) {
    return assertThrows(ConfigException.class, () -> ServerConfig.fromEnvironment(env))
        .getMessage();
  }

  @Test
  void mongodbSelectsTheMongoStorageWithDefaults() {
    ServerConfig config = ServerConfig.fromEnvironment(mongo());
    assertEquals(StorageKind.MONGODB, config.storage());
    MongoConfig m = config.mongo().orElseThrow();
    assertEquals("chat", m.database());
    assertEquals(Duration.ofSeconds(3), m.timeout());
    assertEquals(MongoOptions.SyncDelivery.AUTO, m.syncDelivery());
  }

  @Test
  void memoryHasNoMongoSettings() {
    assertTrue(ServerConfig.fromEnvironment(Map.of()).mongo().isEmpty());
  }

  @Test
  void readsDatabaseTimeoutAndDelivery() {
    MongoConfig m =
        ServerConfig.fromEnvironment(
                mongo(
                    "CHAT_MONGO_DATABASE",
                    "chat_prod",
                    "CHAT_MONGO_TIMEOUT_MS",
                    "1500",
                    "CHAT_MONGO_SYNC_DELIVERY",
                    "polling"))
            .mongo()
            .orElseThrow();
    assertEquals("chat_prod", m.database());
    assertEquals(Duration.ofMillis(1500), m.timeout());
    assertEquals(MongoOptions.SyncDelivery.POLLING, m.syncDelivery());
  }

  @Test
  void eachBadValueIsOneLineNamingTheVariable() {
    assertTrue(failure(mongo("CHAT_MONGO_URI", null)).startsWith("CHAT_MONGO_URI: expected"));
    assertTrue(
        failure(mongo("CHAT_MONGO_URI", "http://db1")).startsWith("CHAT_MONGO_URI: expected"));
    assertTrue(failure(mongo("CHAT_AUTH_SECRET", null)).startsWith("CHAT_AUTH_SECRET: expected"));
    assertTrue(
        failure(mongo("CHAT_MONGO_DATABASE", "a/b")).startsWith("CHAT_MONGO_DATABASE: expected"));
    assertTrue(
        failure(mongo("CHAT_MONGO_TIMEOUT_MS", "0")).startsWith("CHAT_MONGO_TIMEOUT_MS: expected"));
    assertTrue(
        failure(mongo("CHAT_MONGO_SYNC_DELIVERY", "push"))
            .startsWith("CHAT_MONGO_SYNC_DELIVERY: expected"));
    assertTrue(failure(Map.of("CHAT_STORAGE", "redis")).startsWith("CHAT_STORAGE: expected"));
    for (String m :
        new String[] {
          failure(mongo("CHAT_MONGO_URI", null)), failure(mongo("CHAT_AUTH_SECRET", null))
        }) {
      assertTrue(!m.contains("\n"), m);
    }
  }

  @Test
  void theUriShownInMessagesHidesThePassword() {
    MongoConfig m =
        new MongoConfig(
            "mongodb://chat:s3cret@db1:27017/?replicaSet=rs0",
            "chat",
            Duration.ofSeconds(3),
            MongoOptions.SyncDelivery.AUTO);
    assertEquals("mongodb://chat:***@db1:27017/?replicaSet=rs0", m.redactedUri());
    assertTrue(!m.toString().contains("s3cret"));
  }
}
