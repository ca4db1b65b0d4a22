package dev.chatcore.domain.e2ee;

import dev.chatcore.domain.event.JsonObjectText;
import java.util.Objects;

/**
 * A device's published keys, Matrix's signed {@code device_keys} object, kept as the exact text the
 * device uploaded: other devices check its signatures, so the server must hand back the bytes it
 * got (a re-serialised copy could differ in escapes or number forms; the signature is over the
 * device's canonical form, which only the uploader computed).
 *
 * @param json the object as uploaded
 * @param identityKey its {@code curve25519:<device>} key: the device's Olm identity
 * @param signingKey its {@code ed25519:<device>} key: the device's fingerprint, which signs the
 *     rest
 */
public record DeviceKeys(JsonObjectText json, String identityKey, String signingKey) {
  public DeviceKeys {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(identityKey, "identityKey");
    Objects.requireNonNull(signingKey, "signingKey");
  }

  /**
   * True when {@code other} claims the same device identity: both keys equal. A device may
   * re-upload its keys (new signatures, new algorithms) but never swap its identity under the same
   * id: other devices would then encrypt to keys they never verified.
   */
  public boolean sameIdentityAs(DeviceKeys other) {
    return identityKey.equals(other.identityKey) && signingKey.equals(other.signingKey);
  }
}
