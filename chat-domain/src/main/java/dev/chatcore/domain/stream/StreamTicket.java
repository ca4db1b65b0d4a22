package dev.chatcore.domain.stream;

import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.id.AccountId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-use ticket that opens one live stream for an account: browsers cannot put a bearer token
 * in the headers of an EventSource or a WebSocket, and tokens never go in URLs, so they trade the
 * token for a ticket first and pass the ticket instead.
 *
 * @param digest the SHA-256 of the ticket's value, in hex: the store never holds a usable ticket
 * @param account who it authenticates
 * @param displayName the name the account's token carried
 * @param admin whether the token was an admin's
 * @param device the device the token named, if any: a stream opened with the ticket carries that
 *     device's to-device messages, device lists and key counts, as one opened with the token does
 * @param expiresAt when it stops being usable
 */
public record StreamTicket(
    String digest,
    AccountId account,
    String displayName,
    boolean admin,
    Optional<DeviceId> device,
    Instant expiresAt) {
  public StreamTicket {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** True while it may be used. */
  public boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
