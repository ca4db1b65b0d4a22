package dev.chatcore.domain.e2ee;

import dev.chatcore.domain.id.AccountId;
import java.util.Objects;

/** One device of one account: where keys belong and to-device messages go. */
public record DeviceAddress(AccountId account, DeviceId device) {
  public DeviceAddress {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(device, "device");
  }

  /**
   * {@code account/device}: unique, since an account id is 24 hex characters and a device id has no
   * {@code /}. Stores use it as a key.
   */
  public String key() {
    return account.value() + "/" + device.value();
  }

  /** The address written by {@link #key()}. */
  public static DeviceAddress ofKey(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) throw new IllegalArgumentException("not a device key: " + key);
    return new DeviceAddress(
        new AccountId(key.substring(0, slash)), new DeviceId(key.substring(slash + 1)));
  }

  @Override
  public String toString() {
    return key();
  }
}
