package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.application.account.RegisterCaller;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.e2ee.OneTimeKey;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.error.PayloadTooLargeException;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.port.DeviceRepository;
import dev.chatcore.domain.port.DeviceRepository.KeyUpload;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /v1/keys/upload}: the caller's device publishes its device keys and adds one-time and
 * fallback keys. Device keys may be uploaded again (new signatures) but only with the same
 * identity; new or changed device keys are announced to the caller's contacts.
 */
public final class UploadKeys {
  /** Device keys as uploaded, with the user and device they name (which must be the caller's). */
  public record SignedDeviceKeys(String userId, String deviceId, DeviceKeys keys) {
    public SignedDeviceKeys {
      Objects.requireNonNull(userId, "userId");
      Objects.requireNonNull(deviceId, "deviceId");
      Objects.requireNonNull(keys, "keys");
    }
  }

  public record Command(
      Caller caller,
      Optional<SignedDeviceKeys> deviceKeys,
      List<OneTimeKey> oneTimeKeys,
      List<OneTimeKey> fallbackKeys) {
    public Command {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(deviceKeys, "deviceKeys");
      oneTimeKeys = List.copyOf(oneTimeKeys);
      fallbackKeys = List.copyOf(fallbackKeys);
    }
  }

  private final DeviceRepository devices;
  private final OneTimeKeyRepository oneTimeKeys;
  private final RegisterCaller register;
  private final DeviceLists deviceLists;
  private final E2eeLimits limits;
  private final Clock clock;

  @Inject
  public UploadKeys(
      DeviceRepository devices,
      OneTimeKeyRepository oneTimeKeys,
      RegisterCaller register,
      DeviceLists deviceLists,
      E2eeLimits limits,
      Clock clock) {
    this.devices = devices;
    this.oneTimeKeys = oneTimeKeys;
    this.register = register;
    this.deviceLists = deviceLists;
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * @return the device's unclaimed one-time keys by algorithm, after the upload
   * @throws InvalidInputException without a device, for keys of another user or device, device keys
   *     of another identity than the device's, too many keys, or a key id reused with another value
   * @throws PayloadTooLargeException for a key larger than its limit
   */
  public Map<String, Long> upload(Command command) {
    DeviceAddress me = command.caller().requireDevice();
    checkLimits(command);
    register.register(command.caller());
    if (command.deviceKeys().isPresent()) {
      storeDeviceKeys(me, command.deviceKeys().get());
    } else {
      devices.touch(me, clock.instant());
    }
    addOneTimeKeys(me, command.oneTimeKeys());
    for (OneTimeKey fallback : command.fallbackKeys()) oneTimeKeys.setFallback(me, fallback);
    return oneTimeKeys.counts(me);
  }

  private void checkLimits(Command command) {
    if (command.oneTimeKeys().size() > limits.oneTimeKeysPerUploadMax()) {
      throw new InvalidInputException(
          "one_time_keys", "has more than " + limits.oneTimeKeysPerUploadMax() + " keys");
    }
    Set<String> algorithms = new HashSet<>();
    for (OneTimeKey fallback : command.fallbackKeys()) {
      if (!algorithms.add(fallback.algorithm())) {
        throw new InvalidInputException(
            "fallback_keys", "has more than one key for " + fallback.algorithm());
      }
    }
    for (List<OneTimeKey> keys : List.of(command.oneTimeKeys(), command.fallbackKeys())) {
      for (OneTimeKey k : keys) {
        if (bytes(k.json()) > limits.keyMaxBytes()) {
          throw new PayloadTooLargeException(
              "key " + k.id() + " is larger than " + limits.keyMaxBytes() + " bytes");
        }
      }
    }
    command
        .deviceKeys()
        .ifPresent(
            d -> {
              if (d.keys().json().sizeBytes() > limits.deviceKeysMaxBytes()) {
                throw new PayloadTooLargeException(
                    "device_keys is larger than " + limits.deviceKeysMaxBytes() + " bytes");
              }
            });
  }

  private void storeDeviceKeys(DeviceAddress me, SignedDeviceKeys upload) {
    if (!upload.userId().equals(me.account().value())) {
      throw new InvalidInputException("device_keys.user_id", "must be the user of the token");
    }
    if (!upload.deviceId().equals(me.device().value())) {
      throw new InvalidInputException(
          "device_keys.device_id", "must be the device_id of the token");
    }
    KeyUpload result = devices.storeKeys(me, upload.keys(), clock.instant());
    switch (result) {
      case IDENTITY_MISMATCH ->
          throw new InvalidInputException(
              "device_keys",
              "has another identity key than this device uploaded before (delete the device to start over)");
      case NEW, REPLACED -> deviceLists.changed(me.account());
      case UNCHANGED -> {}
    }
  }

  private void addOneTimeKeys(DeviceAddress me, List<OneTimeKey> keys) {
    if (keys.isEmpty()) return;
    Map<String, Long> adding = new HashMap<>();
    for (OneTimeKey k : keys) adding.merge(k.algorithm(), 1L, Long::sum);
    Map<String, Long> held = oneTimeKeys.counts(me);
    adding.forEach(
        (algorithm, n) -> {
          // checked before storing: concurrent uploads of one device may pass it by one upload's
          // worth
          if (held.getOrDefault(algorithm, 0L) + n > limits.oneTimeKeysPerDeviceMax()) {
            throw new InvalidInputException(
                "one_time_keys",
                "would give the device more than "
                    + limits.oneTimeKeysPerDeviceMax()
                    + " unclaimed "
                    + algorithm
                    + " keys");
          }
        });
    List<String> refused = oneTimeKeys.add(me, keys);
    if (!refused.isEmpty()) {
      throw new InvalidInputException(
          "one_time_keys." + refused.get(0), "was uploaded before with another value");
    }
  }

  private static int bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8).length;
  }
}
