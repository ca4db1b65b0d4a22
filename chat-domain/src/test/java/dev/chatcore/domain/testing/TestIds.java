package dev.chatcore.domain.testing;

import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import java.util.concurrent.atomic.AtomicLong;

/** Fresh, distinct ids for tests. */
public final class TestIds {
  private static final AtomicLong NEXT = new AtomicLong(0x1000);

  private TestIds() {}

  private static String next(String prefix) {
    String digits = Long.toHexString(NEXT.incrementAndGet());
    return prefix + "0".repeat(24 - prefix.length() - digits.length()) + digits;
  }

  public static RoomId room() {
    return new RoomId(next("ee"));
  }

  public static AccountId account() {
    return new AccountId(next("aa"));
  }

  /** A new device of a new account. */
  public static DeviceAddress device() {
    return device(account());
  }

  /** A new device of {@code account}. */
  public static DeviceAddress device(AccountId account) {
    return new DeviceAddress(
        account, new DeviceId("DEV" + Long.toHexString(NEXT.incrementAndGet()).toUpperCase()));
  }
}
