package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.e2ee.ClaimedKey;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code POST /v1/keys/claim}: one key per asked device, to start an Olm session with it. Each
 * one-time key is handed out once, by one atomic store operation per device asked; a device with
 * none left gives its fallback key. Only devices of accounts the caller shares a room with (or its
 * own): a stranger cannot drain anyone's keys.
 */
public final class ClaimKeys {
  private final OneTimeKeyRepository oneTimeKeys;
  private final Contacts contacts;
  private final E2eeLimits limits;

  @Inject
  public ClaimKeys(OneTimeKeyRepository oneTimeKeys, Contacts contacts, E2eeLimits limits) {
    this.oneTimeKeys = oneTimeKeys;
    this.contacts = contacts;
    this.limits = limits;
  }

  /**
   * @param wanted per account and device, the algorithm of the key wanted
   * @return per account, the devices that had a key of that algorithm, with the key
   * @throws InvalidInputException when the caller has no device
   */
  public Map<AccountId, Map<DeviceId, ClaimedKey>> claim(
      Caller caller, Map<AccountId, Map<DeviceId, String>> wanted) {
    caller.requireDevice();
    int devices = wanted.values().stream().mapToInt(Map::size).sum();
    if (devices > limits.claimDevicesMax()) {
      throw new InvalidInputException(
          "one_time_keys", "names more than " + limits.claimDevicesMax() + " devices");
    }
    Predicate<AccountId> visible = contacts.of(caller.id());
    Map<AccountId, Map<DeviceId, ClaimedKey>> out = new LinkedHashMap<>();
    wanted.forEach(
        (account, byDevice) -> {
          if (!visible.test(account)) return;
          Map<DeviceId, ClaimedKey> claimed = new TreeMap<>();
          byDevice.forEach(
              (device, algorithm) ->
                  oneTimeKeys
                      .claim(new DeviceAddress(account, device), algorithm)
                      .ifPresent(k -> claimed.put(device, k)));
          if (!claimed.isEmpty()) out.put(account, claimed);
        });
    return out;
  }
}
