package dev.chatcore.adapter.http.v1;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.sync.DeviceUpdates;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A device's share of a sync answer, in Matrix's names: sync and the live streams write it. */
public final class V1DeviceJson {
  private V1DeviceJson() {}

  record ToDeviceJson(
      String sender,
      @JsonProperty("sender_device") String senderDevice,
      String type,
      @JsonRawValue String content) {}

  record DeviceListsJson(List<String> changed, List<String> left) {}

  /** Adds {@code to_device}, {@code device_lists} and the key counts to an answer. */
  public static void addTo(Map<String, Object> answer, DeviceUpdates updates) {
    answer.put("to_device", updates.toDevice().stream().map(V1DeviceJson::message).toList());
    answer.putAll(state(updates));
  }

  /**
   * {@code device_lists} and the key counts: everything of the share but the to-device messages,
   * which an SSE stream sends one by one at their positions.
   */
  static Map<String, Object> state(DeviceUpdates updates) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("device_lists", new DeviceListsJson(sorted(updates.changed()), sorted(updates.left())));
    out.put("device_one_time_keys_count", updates.oneTimeKeyCounts());
    out.put(
        "device_unused_fallback_key_types",
        updates.unusedFallbackKeyTypes().stream().sorted().toList());
    return out;
  }

  /** One entry of {@code to_device}. */
  static ToDeviceJson message(ToDeviceMessage m) {
    return new ToDeviceJson(
        m.sender().value(), m.senderDevice().value(), m.type(), m.content().json());
  }

  private static List<String> sorted(Set<AccountId> accounts) {
    return accounts.stream().map(AccountId::value).sorted().toList();
  }
}
