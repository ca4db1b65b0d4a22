package dev.chatcore.domain.testing;

import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.e2ee.OneTimeKey;
import dev.chatcore.domain.event.JsonObjectText;

/** Key material shaped like Matrix's signed JSON, for tests (not real keys). */
public final class Keys {
  private Keys() {}

  /**
   * Device keys of {@code device} whose identity is named by {@code identity}, signed {@code
   * signature}.
   */
  public static DeviceKeys deviceKeys(DeviceAddress device, String identity, String signature) {
    String curve = "curve" + identity;
    String ed = "ed" + identity;
    String dev = device.device().value();
    String json =
        "{\"user_id\": \""
            + device.account()
            + "\", \"device_id\": \""
            + dev
            + "\","
            + " \"algorithms\": [\"m.olm.v1.curve25519-aes-sha2\", \"m.megolm.v1.aes-sha2\"],"
            + " \"keys\": {\"curve25519:"
            + dev
            + "\": \""
            + curve
            + "\", \"ed25519:"
            + dev
            + "\": \""
            + ed
            + "\"},"
            + " \"signatures\": {\""
            + device.account()
            + "\": {\"ed25519:"
            + dev
            + "\": \""
            + signature
            + "\"}}}";
    return new DeviceKeys(new JsonObjectText(json), curve, ed);
  }

  /** A signed one-time key {@code signed_curve25519:<id>}. */
  public static OneTimeKey signed(String id, String key) {
    return new OneTimeKey("signed_curve25519:" + id, "{\"key\":\"" + key + "\",\"signatures\":{}}");
  }

  /** A signed fallback key {@code signed_curve25519:<id>}. */
  public static OneTimeKey fallback(String id, String key) {
    return new OneTimeKey(
        "signed_curve25519:" + id, "{\"key\":\"" + key + "\",\"fallback\":true,\"signatures\":{}}");
  }
}
