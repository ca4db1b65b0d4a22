package dev.chatcore.domain.policy;

import java.time.Duration;

/**
 * The limits of end-to-end encryption, published in {@code /.well-known} ({@code limits.e2ee}).
 * They bound what one device can make the server store and what one request can make it do; none of
 * them bounds what an honest client needs (Olm clients keep about 50 one-time keys, a room key
 * share is one to-device message per recipient device).
 *
 * @param deviceKeysMaxBytes size of one device's {@code device_keys} object
 * @param oneTimeKeysPerUploadMax one-time keys in one upload
 * @param oneTimeKeysPerDeviceMax unclaimed one-time keys a device may hold (per algorithm)
 * @param keyMaxBytes size of one one-time or fallback key's JSON value
 * @param queryUsersMax users in one key query
 * @param claimDevicesMax devices in one key claim
 * @param toDeviceRecipientsMax recipient devices of one send (after {@code *} is expanded)
 * @param toDeviceMessageMaxBytes size of one to-device message's content
 * @param toDeviceBatchMax to-device messages in one sync answer
 * @param toDeviceLifetime how long an undelivered to-device message waits (and a send's transaction
 *     id is remembered)
 * @param encryptedContentMaxBytes size of one {@code m.encrypted} event's content
 */
public record E2eeLimits(
    int deviceKeysMaxBytes,
    int oneTimeKeysPerUploadMax,
    int oneTimeKeysPerDeviceMax,
    int keyMaxBytes,
    int queryUsersMax,
    int claimDevicesMax,
    int toDeviceRecipientsMax,
    int toDeviceMessageMaxBytes,
    int toDeviceBatchMax,
    Duration toDeviceLifetime,
    int encryptedContentMaxBytes) {

  public E2eeLimits {
    for (int v :
        new int[] {
          deviceKeysMaxBytes,
          oneTimeKeysPerUploadMax,
          oneTimeKeysPerDeviceMax,
          keyMaxBytes,
          queryUsersMax,
          claimDevicesMax,
          toDeviceRecipientsMax,
          toDeviceMessageMaxBytes,
          toDeviceBatchMax,
          encryptedContentMaxBytes
        }) {
      if (v <= 0) throw new IllegalArgumentException("every E2EE limit must be positive");
    }
    if (toDeviceLifetime.isNegative() || toDeviceLifetime.isZero()) {
      throw new IllegalArgumentException("the to-device lifetime must be positive");
    }
  }

  /**
   * The defaults: an encrypted message may carry what a plain one carries (4,000 characters of text
   * and 8 KiB of context) plus Megolm's base64 and framing, hence 32 KiB.
   */
  public static E2eeLimits defaults() {
    return new E2eeLimits(
        8 * 1024, 100, 200, 1024, 100, 200, 500, 16 * 1024, 100, Duration.ofDays(7), 32 * 1024);
  }
}
