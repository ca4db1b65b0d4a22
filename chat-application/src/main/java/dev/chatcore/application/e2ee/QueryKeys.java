package dev.chatcore.application.e2ee;

import dev.chatcore.application.Caller;
import dev.chatcore.domain.e2ee.Device;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.policy.E2eeLimits;
import dev.chatcore.domain.port.DeviceRepository;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code POST /v1/keys/query}: the device keys of accounts the caller shares a room with (or its
 * own), exactly as their devices uploaded them. Accounts it shares no room with are left out, as if
 * they had no devices: the caller learns nothing about strangers.
 */
public final class QueryKeys {
  private final DeviceRepository devices;
  private final Contacts contacts;
  private final E2eeLimits limits;

  @Inject
  public QueryKeys(DeviceRepository devices, Contacts contacts, E2eeLimits limits) {
    this.devices = devices;
    this.contacts = contacts;
    this.limits = limits;
  }

  /**
   * @param wanted per account, the devices asked for; an empty list asks for all of them
   * @return per account (in the order asked), its devices with keys, by device id
   * @throws InvalidInputException when the caller has no device
   */
  public Map<AccountId, Map<DeviceId, DeviceKeys>> query(
      Caller caller, Map<AccountId, List<DeviceId>> wanted) {
    caller.requireDevice();
    if (wanted.size() > limits.queryUsersMax()) {
      throw new InvalidInputException(
          "device_keys", "names more than " + limits.queryUsersMax() + " users");
    }
    Predicate<AccountId> visible = contacts.of(caller.id());
    Map<AccountId, Map<DeviceId, DeviceKeys>> out = new LinkedHashMap<>();
    wanted.forEach(
        (account, asked) -> {
          if (!visible.test(account)) return;
          Map<DeviceId, DeviceKeys> keys = new TreeMap<>();
          for (Device d : devices.ofAccount(account)) {
            if (d.keys().isEmpty() || (!asked.isEmpty() && !asked.contains(d.address().device())))
              continue;
            keys.put(d.address().device(), d.keys().get());
          }
          out.put(account, keys);
        });
    return out;
  }
}
