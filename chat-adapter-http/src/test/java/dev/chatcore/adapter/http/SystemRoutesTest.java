package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.domain.policy.Limits;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SystemRoutesTest {
  static HttpTestServer server;

  @BeforeAll
  static void start() {
    server = HttpTestServer.builder().limits(Limits.defaults()).start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void healthAndReadinessNeedNoToken() {
    assertEquals("ok", server.get("/healthz", null).text("status"));
    HttpTestServer.Response ready = server.get("/readyz", null);
    assertEquals(200, ready.status());
    assertEquals("ready", ready.text("status"));
  }

  @Test
  void jsonRepliesCarryTheirExactLength() {
    for (String path : new String[] {"/.well-known", "/healthz", "/no/such/route"}) {
      HttpTestServer.Response reply = server.get(path, null);
      assertEquals(
          Optional.of("application/json"), reply.raw().headers().firstValue("content-type"));
      assertEquals(
          Optional.of(String.valueOf(reply.raw().body().getBytes(StandardCharsets.UTF_8).length)),
          reply.raw().headers().firstValue("content-length"),
          path);
    }
  }

  @Test
  void wellKnownPublishesEveryLimitOfTheSpec() {
    for (String path : new String[] {"/.well-known", "/.well-known/chat"}) {
      JsonNode body = server.get(path, null).json();
      assertEquals("chat-core", body.path("server").path("name").asText());
      assertEquals("[\"v1\",\"chat\"]", body.path("api_versions").toString());
      JsonNode limits = body.path("limits");
      for (String key :
          new String[] {
            "sync_timeout_ms",
            "sync_batch_max",
            "history_limit",
            "request_body_max_bytes",
            "message_text_max_chars",
            "message_context_max_bytes",
            "preferences_max_bytes",
            "room_name_max_chars",
            "reaction_key_max_chars",
            "typing_timeout_ms",
            "dm_members_max",
            "global_room_capacity",
            "global_room_overflow_capacity",
            "private_room_capacity",
            "rate_limit"
          }) {
        assertTrue(limits.has(key), "limits." + key);
      }
      assertEquals(1000, limits.path("sync_timeout_ms").path("min").asInt());
      assertEquals(60000, limits.path("sync_timeout_ms").path("max").asInt());
      assertEquals(30000, limits.path("sync_timeout_ms").path("default").asInt());
      assertEquals(20, limits.path("rate_limit").path("per_second").asInt());
      assertTrue(body.path("capabilities").isArray());
      assertTrue(body.has("auth") && body.has("media"));
    }
  }
}
