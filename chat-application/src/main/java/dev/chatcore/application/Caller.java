package dev.chatcore.application;

import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.error.InvalidInputException;
import dev.chatcore.domain.id.AccountId;
import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated principal of a request. Authentication is the host's business (the HTTP adapter
 * verifies a JWT; an embedding game server passes its own player); the core trusts it.
 *
 * @param id the account: 24 lower-case hex characters (the host maps its player ids onto these)
 * @param displayName the name to show; may be empty
 * @param admin true for admin clients (game servers, tools), false for players
 * @param device the device the request comes from (the token's {@code device_id} claim), which
 *     end-to-end encryption needs: keys and to-device messages belong to a device, not an account
 */
public record Caller(AccountId id, String displayName, boolean admin, Optional<DeviceId> device) {
  /** A caller without a device (no end-to-end encryption). */
  public Caller(AccountId id, String displayName, boolean admin) {
    this(id, displayName, admin, Optional.empty());
  }

  /**
   * Checks the fields.
   *
   * @throws NullPointerException when {@code id} or {@code displayName} is null
   */
  public Caller {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(device, "device");
  }

  /** This caller on {@code device}. */
  public Caller on(DeviceId device) {
    return new Caller(id, displayName, admin, Optional.of(device));
  }

  /**
   * The caller's device, for the end-to-end encryption use cases.
   *
   * @throws InvalidInputException when the caller has none (its token has no {@code device_id})
   */
  public DeviceAddress requireDevice() {
    return device
        .map(d -> new DeviceAddress(id, d))
        .orElseThrow(
            () ->
                new InvalidInputException(
                    "device_id",
                    "is required: end-to-end encryption needs a token with a device_id claim"));
  }

  /**
   * A player (non-admin) caller.
   *
   * @param id the player's account
   * @param displayName the name to show; may be empty
   * @return the caller
   */
  public static Caller player(AccountId id, String displayName) {
    return new Caller(id, displayName, false);
  }

  /**
   * Refuses players.
   *
   * @throws ForbiddenException unless the caller is an admin
   */
  public void requireAdmin() {
    if (!admin) throw new ForbiddenException("admin only");
  }
}
