package dev.chatcore.adapter.http.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import dev.chatcore.application.Caller;
import dev.chatcore.application.admin.CreatePrivateRoom;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The end-to-end encryption routes over real HTTP: shapes, refusals, byte-exact keys. */
class E2eeHttpTest {
  private HttpTestServer server;
  private final AccountId alice = TestIds.account();
  private final AccountId bob = TestIds.account();
  private String aliceToken;
  private String bobToken;
  private String room;

  @BeforeEach
  void start() {
    server = HttpTestServer.start();
    aliceToken = token(alice, "ALICE1");
    bobToken = token(bob, "BOB1");
    Caller admin = new Caller(TestIds.account(), "admin", true);
    room =
        server
            .core()
            .createPrivateRoom()
            .create(
                new CreatePrivateRoom.Command(
                    admin, List.of(alice.value(), bob.value()), Optional.empty(), Optional.empty()))
            .id()
            .value();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String token(AccountId who, String device) {
    return server
        .tokens()
        .issue(who, "p", false, Optional.of(new DeviceId(device)), Duration.ofHours(1));
  }

  private Response put(String path, String token, String json) {
    return server.method("PUT", path, token, "application/json", json);
  }

  /**
   * Device keys with white space, an escape and key order of our own: what must come back as is.
   */
  private static String deviceKeys(AccountId who, String device) {
    return "{ \"user_id\":\""
        + who
        + "\",  \"device_id\": \""
        + device
        + "\",\n"
        + " \"algorithms\": [\"m.olm.v1.curve25519-aes-sha2\",\"m.megolm.v1.aes-sha2\"],"
        + " \"keys\": {\"ed25519:"
        + device
        + "\": \"ed\\u002b"
        + device
        + "\", \"curve25519:"
        + device
        + "\": \"cv"
        + device
        + "\"},"
        + " \"signatures\": {\""
        + who
        + "\": {\"ed25519:"
        + device
        + "\": \"sig\"}}, \"unsigned\": {\"x\": 1.50}}";
  }

  @Test
  void everyKeyAndDeviceRouteAnswers400WithoutADevice() {
    String noDevice = server.token(alice, "alice", false);
    List<Response> answers =
        List.of(
            server.post("/v1/keys/upload", noDevice, "{}"),
            server.post("/v1/keys/query", noDevice, "{\"device_keys\":{}}"),
            server.post("/v1/keys/claim", noDevice, "{\"one_time_keys\":{}}"),
            server.get(
                "/v1/keys/changes?from=000000000000000000000000&to=000000000000000000000000",
                noDevice),
            server.get("/v1/devices", noDevice),
            server.delete("/v1/devices/X", noDevice),
            put("/v1/send-to-device/m.room_key/t1", noDevice, "{\"messages\":{}}"));
    for (Response r : answers) {
      assertEquals(400, r.status(), r.toString());
      assertTrue(r.json().path("message").asText().startsWith("device_id"), r.toString());
    }
  }

  @Test
  void deviceKeysComeBackByteForByteToContactsOnly() {
    String keys = deviceKeys(bob, "BOB1");
    Response upload =
        server.post(
            "/v1/keys/upload",
            bobToken,
            "{\"device_keys\": "
                + keys
                + ", \"one_time_keys\": {\"signed_curve25519:AAAA\": {\"key\":\"k1\",\"signatures\":{}}, \"curve25519:BBBB\": \"k2\"}}");
    assertEquals(200, upload.status(), upload.toString());
    assertEquals(1, upload.json().path("one_time_key_counts").path("signed_curve25519").asInt());
    Response query =
        server.post("/v1/keys/query", aliceToken, "{\"device_keys\":{\"" + bob + "\":[]}}");
    assertTrue(
        query.raw().body().contains("\"BOB1\":" + keys),
        "exactly as uploaded: " + query.raw().body());
    String stranger = token(TestIds.account(), "S1");
    assertEquals(
        "{}",
        server
            .post("/v1/keys/query", stranger, "{\"device_keys\":{\"" + bob + "\":[]}}")
            .json()
            .path("device_keys")
            .toString());
    Response other =
        server.post(
            "/v1/keys/upload",
            bobToken,
            "{\"device_keys\": " + keys.replace("cvBOB1", "cvOTHER") + "}");
    assertEquals(400, other.status(), "another identity under the same device");
  }

  @Test
  void aClaimGivesAOneTimeKeyOnceThenTheFallback() {
    server.post(
        "/v1/keys/upload",
        bobToken,
        "{\"device_keys\": "
            + deviceKeys(bob, "BOB1")
            + ", \"one_time_keys\": {\"signed_curve25519:AAAA\": {\"key\":\"k1\", \"signatures\":{}}},"
            + " \"fallback_keys\": {\"signed_curve25519:FFFF\": {\"key\":\"fb\", \"fallback\":true, \"signatures\":{}}}}");
    String claim = "{\"one_time_keys\":{\"" + bob + "\":{\"BOB1\":\"signed_curve25519\"}}}";
    JsonNode first =
        server
            .post("/v1/keys/claim", aliceToken, claim)
            .json()
            .path("one_time_keys")
            .path(bob.value())
            .path("BOB1");
    assertEquals("k1", first.path("signed_curve25519:AAAA").path("key").asText());
    JsonNode second =
        server
            .post("/v1/keys/claim", aliceToken, claim)
            .json()
            .path("one_time_keys")
            .path(bob.value())
            .path("BOB1");
    assertTrue(
        second.path("signed_curve25519:FFFF").path("fallback").asBoolean(), second.toString());
    JsonNode sync =
        server
            .get(
                "/v1/sync?since=" + server.core().storage().events().head() + "&timeout=1000",
                bobToken)
            .json();
    assertEquals("{}", sync.path("device_one_time_keys_count").toString());
    assertEquals("[]", sync.path("device_unused_fallback_key_types").toString());
  }

  @Test
  void aToDeviceMessageArrivesThroughSyncOnceAndOnlyOnItsDevice() {
    server.post("/v1/keys/upload", bobToken, "{\"device_keys\": " + deviceKeys(bob, "BOB1") + "}");
    String since = server.core().storage().events().head().toString();
    Response sent =
        put(
            "/v1/send-to-device/m.room.encrypted/txn1",
            aliceToken,
            "{\"messages\":{\""
                + bob
                + "\":{\"BOB1\":{\"algorithm\":\"m.olm.v1.curve25519-aes-sha2\",\"ciphertext\":{}}}}}");
    assertEquals(200, sent.status(), sent.toString());
    JsonNode sync = server.get("/v1/sync?since=" + since + "&timeout=1000", bobToken).json();
    JsonNode message = sync.path("to_device").get(0);
    assertEquals(alice.value(), message.path("sender").asText());
    assertEquals("ALICE1", message.path("sender_device").asText());
    assertEquals("m.room.encrypted", message.path("type").asText());
    assertEquals(
        "m.olm.v1.curve25519-aes-sha2", message.path("content").path("algorithm").asText());
    assertTrue(sync.has("device_lists"), sync.toString());
    JsonNode next =
        server
            .get("/v1/sync?since=" + sync.path("next_batch").asText() + "&timeout=1000", bobToken)
            .json();
    assertEquals(0, next.path("to_device").size());
    JsonNode elsewhere =
        server.get("/v1/sync?since=" + since + "&timeout=1000", token(bob, "BOB2")).json();
    assertEquals(0, elsewhere.path("to_device").size(), "another device of bob's: nothing");
    JsonNode plain =
        server
            .get("/v1/sync?since=" + since + "&timeout=1000", server.token(bob, "bob", false))
            .json();
    assertTrue(!plain.has("to_device"), "no device, no device section: " + plain);
  }

  @Test
  void anEncryptedRoomTakesCiphertextAndRefusesPlainMessages() {
    String admin = server.token(true);
    Response on =
        put("/v1/rooms/" + room + "/encryption", admin, "{\"algorithm\":\"m.megolm.v1.aes-sha2\"}");
    assertEquals(200, on.status(), on.toString());
    assertEquals("m.megolm.v1.aes-sha2", on.json().path("encryption").path("algorithm").asText());
    assertEquals(
        403,
        put(
                "/v1/rooms/" + room + "/encryption",
                aliceToken,
                "{\"algorithm\":\"m.megolm.v1.aes-sha2\"}")
            .status());
    String since = server.core().storage().events().head().toString();
    assertEquals(
        400,
        server
            .post(
                "/v1/rooms/" + room + "/messages",
                aliceToken,
                "{\"type\":\"m.plain\",\"content\":{\"text\":\"hi\"}}")
            .status());
    Response sent =
        server.post(
            "/v1/rooms/" + room + "/messages",
            aliceToken,
            "{\"type\":\"m.encrypted\",\"content\":"
                + "{\"algorithm\":\"m.megolm.v1.aes-sha2\",\"ciphertext\":\"AwgA+/=\",\"session_id\":\"s1\",\"device_id\":\"ALICE1\"}}");
    assertEquals(200, sent.status(), sent.toString());
    JsonNode event =
        server
            .get("/v1/sync?since=" + since + "&timeout=1000", bobToken)
            .json()
            .path("events")
            .get(0);
    assertEquals("m.encrypted", event.path("type").asText());
    assertEquals("AwgA+/=", event.path("content").path("ciphertext").asText());
    assertEquals("ALICE1", event.path("content").path("device_id").asText());
    JsonNode history = server.get("/v1/rooms/" + room + "/messages", bobToken).json();
    assertEquals("m.encrypted", history.path("chunk").get(0).path("type").asText());
  }

  @Test
  void devicesAreListedAndDeleted() {
    server.post("/v1/keys/upload", bobToken, "{\"device_keys\": " + deviceKeys(bob, "BOB1") + "}");
    server.get("/v1/sync?since=000000000000000000000000&timeout=1000", token(bob, "BOB2"));
    JsonNode devices = server.get("/v1/devices", bobToken).json().path("devices");
    assertEquals(2, devices.size(), devices.toString());
    assertTrue(devices.get(0).path("keys_uploaded").asBoolean());
    assertTrue(devices.get(0).path("last_seen_ts").asLong() > 0);
    assertEquals(200, server.delete("/v1/devices/BOB2", bobToken).status());
    assertEquals(404, server.delete("/v1/devices/BOB2", bobToken).status());
    assertEquals(1, server.get("/v1/devices", bobToken).json().path("devices").size());
  }

  @Test
  void wellKnownPublishesTheE2eeLimits() {
    JsonNode e2ee = server.get("/.well-known", null).json().path("limits").path("e2ee");
    assertEquals(100, e2ee.path("one_time_keys_per_upload_max").asInt());
    assertEquals(64, e2ee.path("device_id_max_chars").asInt());
  }
}
