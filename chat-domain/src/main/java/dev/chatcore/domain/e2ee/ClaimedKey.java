package dev.chatcore.domain.e2ee;

import java.util.Objects;

/**
 * A key handed out by a claim.
 *
 * @param fallback true when no one-time key was left and the device's fallback key was given (which
 *     stays until the device replaces it, so it may be given again)
 */
public record ClaimedKey(OneTimeKey key, boolean fallback) {
  public ClaimedKey {
    Objects.requireNonNull(key, "key");
  }
}
