package dev.chatcore.adapter.http.v1;

import com.fasterxml.jackson.databind.util.RawValue;
import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.e2ee.ClaimKeys;
import dev.chatcore.application.e2ee.KeyChanges;
import dev.chatcore.application.e2ee.QueryKeys;
import dev.chatcore.application.e2ee.UploadKeys;
import dev.chatcore.domain.e2ee.ClaimedKey;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.e2ee.OneTimeKey;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /v1/keys/...}: upload, query and claim of end-to-end encryption keys, and the accounts
 * whose device lists changed. Keys are Matrix's signed JSON; what a device uploaded is answered
 * byte for byte ({@link dev.chatcore.adapter.http.RawJson}), so other devices can check its
 * signatures.
 */
public final class V1KeyRoutes {
  private final UploadKeys uploadKeys;
  private final QueryKeys queryKeys;
  private final ClaimKeys claimKeys;
  private final KeyChanges keyChanges;

  public V1KeyRoutes(
      UploadKeys uploadKeys, QueryKeys queryKeys, ClaimKeys claimKeys, KeyChanges keyChanges) {
    this.uploadKeys = uploadKeys;
    this.queryKeys = queryKeys;
    this.claimKeys = claimKeys;
    this.keyChanges = keyChanges;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("POST", "/v1/keys/upload", true, this::upload),
        Route.of("POST", "/v1/keys/query", true, this::query),
        Route.of("POST", "/v1/keys/claim", true, this::claim),
        Route.of("GET", "/v1/keys/changes", true, this::changes));
  }

  private Reply upload(ApiRequest r) {
    r.caller().requireDevice(); // a 400 for the missing device before any complaint about the body
    JsonBody body = r.json();
    Map<String, Long> counts =
        uploadKeys.upload(
            new UploadKeys.Command(
                r.caller(),
                deviceKeys(r, body),
                oneTimeKeys(r, body, "one_time_keys"),
                oneTimeKeys(r, body, "fallback_keys")));
    return Reply.ok(Map.of("one_time_key_counts", counts));
  }

  /** Checks the shape Matrix gives device keys and keeps the object's exact text. */
  private static Optional<UploadKeys.SignedDeviceKeys> deviceKeys(ApiRequest r, JsonBody body) {
    Optional<JsonBody> uploaded = body.optionalObject("device_keys");
    if (uploaded.isEmpty()) return Optional.empty();
    JsonBody d = uploaded.get();
    String user = d.requiredString("user_id");
    String device = d.requiredString("device_id");
    d.optionalStringList("algorithms")
        .orElseThrow(() -> new InvalidInputException(d.nameOf("algorithms"), "is required"));
    JsonBody keys = d.requiredObject("keys");
    for (String name : keys.names()) keys.requiredString(name);
    String identity = keys.requiredString("curve25519:" + device);
    String signing = keys.requiredString("ed25519:" + device);
    d.requiredObject("signatures").requiredObject(user).requiredString("ed25519:" + device);
    String exact = r.rawJson().value("device_keys").orElseThrow();
    return Optional.of(
        new UploadKeys.SignedDeviceKeys(
            user, device, new DeviceKeys(new JsonObjectText(exact), identity, signing)));
  }

  /** One-time or fallback keys: {@code "<algorithm>:<id>": "<key>"} or a signed key object. */
  private static List<OneTimeKey> oneTimeKeys(ApiRequest r, JsonBody body, String field) {
    Optional<JsonBody> uploaded = body.optionalObject(field);
    if (uploaded.isEmpty()) return List.of();
    Map<String, String> exact = r.rawJson().members(field);
    List<OneTimeKey> out = new ArrayList<>();
    for (String id : uploaded.get().names()) {
      if (!uploaded.get().isString(id)) {
        JsonBody signed = uploaded.get().requiredObject(id);
        signed.requiredString("key");
        signed.requiredObject("signatures");
      }
      out.add(new OneTimeKey(id, exact.get(id)));
    }
    return out;
  }

  private Reply query(ApiRequest r) {
    r.caller().requireDevice();
    JsonBody wanted = r.json().requiredObject("device_keys");
    Map<AccountId, List<DeviceId>> byUser = new LinkedHashMap<>();
    for (String user : wanted.names()) {
      List<DeviceId> devices = new ArrayList<>();
      for (String d : wanted.optionalStringList(user).orElse(List.of()))
        devices.add(DeviceId.parse(d, wanted.nameOf(user)));
      byUser.put(AccountId.parse(user, "device_keys"), devices);
    }
    Map<String, Object> keys = new LinkedHashMap<>();
    queryKeys
        .query(r.caller(), byUser)
        .forEach(
            (user, devices) -> {
              Map<String, Object> mine = new LinkedHashMap<>();
              devices.forEach(
                  (device, k) -> mine.put(device.value(), new RawValue(k.json().json())));
              keys.put(user.value(), mine);
            });
    return Reply.ok(Map.of("device_keys", keys, "failures", Map.of()));
  }

  private Reply claim(ApiRequest r) {
    r.caller().requireDevice();
    JsonBody wanted = r.json().requiredObject("one_time_keys");
    Map<AccountId, Map<DeviceId, String>> byUser = new LinkedHashMap<>();
    for (String user : wanted.names()) {
      JsonBody devices = wanted.requiredObject(user);
      Map<DeviceId, String> algorithms = new LinkedHashMap<>();
      for (String d : devices.names())
        algorithms.put(DeviceId.parse(d, devices.nameOf(d)), devices.requiredString(d));
      byUser.put(AccountId.parse(user, "one_time_keys"), algorithms);
    }
    Map<String, Object> keys = new LinkedHashMap<>();
    claimKeys
        .claim(r.caller(), byUser)
        .forEach(
            (user, devices) -> {
              Map<String, Object> mine = new LinkedHashMap<>();
              devices.forEach((device, k) -> mine.put(device.value(), claimed(k)));
              keys.put(user.value(), mine);
            });
    return Reply.ok(Map.of("one_time_keys", keys, "failures", Map.of()));
  }

  private static Map<String, Object> claimed(ClaimedKey k) {
    return Map.of(k.key().id(), new RawValue(k.key().json()));
  }

  private Reply changes(ApiRequest r) {
    r.caller().requireDevice();
    EventId from =
        r.queryEvent("from").orElseThrow(() -> new InvalidInputException("from", "is required"));
    EventId to =
        r.queryEvent("to").orElseThrow(() -> new InvalidInputException("to", "is required"));
    return Reply.ok(
        Map.of(
            "changed",
            keyChanges.changes(r.caller(), from, to).stream().map(AccountId::value).toList()));
  }
}
