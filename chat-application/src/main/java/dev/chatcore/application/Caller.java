package dev.chatcore.application;

import dev.chatcore.domain.error.ForbiddenException;
import dev.chatcore.domain.id.AccountId;
import java.util.Objects;

/**
 * The authenticated principal of a request. Authentication is the host's business (the HTTP
 * adapter verifies a JWT; an embedding game server passes its own player); the core trusts it.
 *
 * @param id the account: 24 lower-case hex characters (the host maps its player ids onto these)
 * @param displayName the name to show; may be empty
 * @param admin true for admin clients (game servers, tools), false for players
 */
public record Caller(AccountId id, String displayName, boolean admin) {
  /**
   * Checks the fields.
   *
   * @throws NullPointerException when {@code id} or {@code displayName} is null
   */
  public Caller {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(displayName, "displayName");
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
