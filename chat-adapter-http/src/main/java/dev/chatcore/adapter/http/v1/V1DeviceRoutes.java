package dev.chatcore.adapter.http.v1;

import dev.chatcore.adapter.http.ApiRequest;
import dev.chatcore.adapter.http.JsonBody;
import dev.chatcore.adapter.http.Reply;
import dev.chatcore.adapter.http.Route;
import dev.chatcore.application.e2ee.DeleteDevice;
import dev.chatcore.application.e2ee.EnableEncryption;
import dev.chatcore.application.e2ee.ListDevices;
import dev.chatcore.application.e2ee.SendToDevice;
import dev.chatcore.domain.e2ee.Device;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /v1/devices}, {@code /v1/send-to-device} and {@code /v1/rooms/{id}/encryption}: a caller's
 * devices, messages from device to device, and turning a room's encryption on.
 */
public final class V1DeviceRoutes {
  private final ListDevices listDevices;
  private final DeleteDevice deleteDevice;
  private final SendToDevice sendToDevice;
  private final EnableEncryption enableEncryption;

  public V1DeviceRoutes(
      ListDevices listDevices,
      DeleteDevice deleteDevice,
      SendToDevice sendToDevice,
      EnableEncryption enableEncryption) {
    this.listDevices = listDevices;
    this.deleteDevice = deleteDevice;
    this.sendToDevice = sendToDevice;
    this.enableEncryption = enableEncryption;
  }

  public List<Route> routes() {
    return List.of(
        Route.of("GET", "/v1/devices", true, this::list),
        Route.of("DELETE", "/v1/devices/{device_id}", true, this::delete),
        Route.of("PUT", "/v1/send-to-device/{event_type}/{txn_id}", true, this::send),
        Route.of("PUT", "/v1/rooms/{id}/encryption", true, this::encrypt));
  }

  private Reply list(ApiRequest r) {
    return Reply.ok(
        Map.of(
            "devices", listDevices.list(r.caller()).stream().map(V1DeviceRoutes::device).toList()));
  }

  private static Map<String, Object> device(Device d) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("device_id", d.address().device().value());
    out.put("last_seen_ts", d.lastSeen().toEpochMilli());
    out.put("keys_uploaded", d.keys().isPresent());
    return out;
  }

  private Reply delete(ApiRequest r) {
    r.caller().requireDevice();
    deleteDevice.delete(r.caller(), DeviceId.parse(r.path("device_id"), "device_id"));
    return Reply.ok(Map.of());
  }

  private Reply send(ApiRequest r) {
    r.caller().requireDevice();
    JsonBody byUser = r.json().requiredObject("messages");
    Map<AccountId, Map<String, JsonObjectText>> messages = new LinkedHashMap<>();
    for (String user : byUser.names()) {
      JsonBody byDevice = byUser.requiredObject(user);
      Map<String, JsonObjectText> contents = new LinkedHashMap<>();
      for (String device : byDevice.names()) {
        contents.put(
            device,
            byDevice
                .optionalOpaqueObject(device)
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            byDevice.nameOf(device), "must be a JSON object")));
      }
      messages.put(AccountId.parse(user, "messages"), contents);
    }
    sendToDevice.send(
        new SendToDevice.Command(r.caller(), r.path("event_type"), r.path("txn_id"), messages));
    return Reply.ok(Map.of());
  }

  private Reply encrypt(ApiRequest r) {
    String algorithm = r.json().requiredString("algorithm");
    return Reply.ok(V1Json.room(enableEncryption.enable(r.caller(), r.pathRoom("id"), algorithm)));
  }
}
