package dev.chatcore.adapter.http.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.User;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code GET /chat/preferences} and {@code PUT /chat/preferences/update}. */
class PreferencesHttpTest {
  private final MutableClock clock = new MutableClock();
  private final HttpTestServer api = HttpTestServer.builder().clock(clock).start();
  private final AccountId alice = TestIds.account();
  private final User a = api.player(alice);

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void settingsAreNullUntilFirstWrittenAndReadsNeverTouchUpdatedOn() {
    JsonNode first = a.get("/chat/preferences").get("preferences");
    assertEquals(alice.value(), first.get("accountId").asText());
    assertTrue(first.get("settings").isNull());
    assertEquals(24, first.get("id").asText().length());
    long created = first.get("createdOn").asLong();
    assertEquals(created, first.get("updatedOn").asLong());
    clock.advance(Duration.ofMinutes(5));
    JsonNode again = a.get("/chat/preferences").get("preferences");
    assertEquals(first, again);
  }

  @Test
  void updateReplacesTheWholeObject() {
    String id = a.get("/chat/preferences").get("preferences").get("id").asText();
    clock.advance(Duration.ofSeconds(30));
    HttpTestServer.Response put =
        a.put("/chat/preferences/update", "{\"settings\":{\"hello\":123,\"world\":[\"abc\"]}}");
    assertEquals(200, put.status(), put.toString());
    assertTrue(put.get("roomUpdates").isArray());
    clock.advance(Duration.ofSeconds(30));
    JsonNode replaced =
        a.put("/chat/preferences/update", "{\"settings\":{\"squelch\":[\"x\"]}}")
            .get("preferences");
    assertEquals("{\"squelch\":[\"x\"]}", replaced.get("settings").toString());
    assertEquals(id, replaced.get("id").asText());
    assertEquals(clock.instant().getEpochSecond(), replaced.get("updatedOn").asLong());
    assertEquals(replaced, a.get("/chat/preferences").get("preferences"));
  }

  @Test
  void settingsLargerThanTheLimitAre413() {
    String big = "x".repeat(16 * 1024);
    HttpTestServer.Response r =
        a.put("/chat/preferences/update", "{\"settings\":{\"blob\":\"" + big + "\"}}");
    assertEquals(413, r.status(), r.toString());
    assertEquals("payload_too_large", r.error());
    String fits = "x".repeat(16 * 1024 - 12);
    assertEquals(
        200,
        a.put("/chat/preferences/update", "{\"settings\":{\"blob\":\"" + fits + "\"}}").status());
  }

  @Test
  void settingsMustBeAnObject() {
    for (String body :
        new String[] {"{}", "{\"settings\":null}", "{\"settings\":[1]}", "{\"settings\":\"a\"}"}) {
      HttpTestServer.Response r = a.put("/chat/preferences/update", body);
      assertEquals(400, r.status(), body);
      assertTrue(r.get("message").asText().startsWith("settings"), r.toString());
    }
  }
}
