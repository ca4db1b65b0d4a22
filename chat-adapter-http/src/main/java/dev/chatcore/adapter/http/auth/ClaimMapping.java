package dev.chatcore.adapter.http.auth;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.chatcore.adapter.http.HttpProblem;
import dev.chatcore.application.Caller;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.HexIds;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which claims of a token carry the account id, the display name and the admin flag: a studio's
 * authentication service rarely says {@code sub}/{@code name}/{@code admin}. Reads a caller from
 * verified claims and writes the same claims into the server's own tokens, so that those pass
 * exactly the checks a studio token passes.
 *
 * @param account the claim holding the account id (24 hex, required)
 * @param name the claim holding the display name (a string, optional)
 * @param admin how the admin flag is read (optional in the token; absent means a player)
 */
public record ClaimMapping(String account, String name, AdminClaim admin) {
  /**
   * The claim naming the device a token belongs to (optional; end-to-end encryption needs it). Not
   * configurable: it is Matrix's name, and a studio that issues device tokens adds it as is.
   */
  public static final String DEVICE = "device_id";

  /** {@code sub}, {@code name}, {@code admin} (a boolean). */
  public static final ClaimMapping DEFAULT =
      new ClaimMapping("sub", "name", new AdminClaim.Flag("admin"));

  public ClaimMapping {
    account = claimName(account, "account");
    name = claimName(name, "name");
    Objects.requireNonNull(admin, "admin");
    if (account.equals(name) || account.equals(admin.claim()) || name.equals(admin.claim())) {
      throw new IllegalArgumentException(
          "the account, name and admin claims must be three different claims");
    }
  }

  static String claimName(String claim, String what) {
    if (claim == null || claim.isBlank())
      throw new IllegalArgumentException("the " + what + " claim needs a name");
    return claim.strip();
  }

  /**
   * The caller these (verified) claims describe.
   *
   * @throws HttpProblem 401 when the account claim is not a 24-hex id, the name not a string or the
   *     admin claim not of its declared shape
   */
  public Caller caller(JWTClaimsSet claims) {
    Object id = claims.getClaim(account);
    if (!(id instanceof String s) || !HexIds.isValid(s)) {
      throw HttpProblem.unauthorized(
          "token " + account + " claim must be a 24-character hex account id");
    }
    Object display = claims.getClaim(name);
    if (display != null && !(display instanceof String)) {
      throw HttpProblem.unauthorized("token " + name + " claim must be a string");
    }
    return new Caller(
        new AccountId(s),
        display == null ? "" : ((String) display).strip(),
        admin.isAdmin(claims),
        device(claims));
  }

  private static Optional<DeviceId> device(JWTClaimsSet claims) {
    Object device = claims.getClaim(DEVICE);
    if (device == null) return Optional.empty();
    if (!(device instanceof String d) || !DeviceId.isValid(d)) {
      throw HttpProblem.unauthorized(
          "token "
              + DEVICE
              + " claim must be 1-"
              + DeviceId.MAX_CHARS
              + " characters of A-Z a-z 0-9 . _ - ~");
    }
    return Optional.of(new DeviceId(d));
  }

  /** Writes the caller's claims, in this mapping's names, into a token being issued. */
  public void write(
      JWTClaimsSet.Builder claims, AccountId id, String displayName, boolean isAdmin) {
    claims.claim(account, id.value());
    if (displayName != null && !displayName.isEmpty()) claims.claim(name, displayName);
    if (isAdmin) admin.write(claims);
  }

  /** Writes the device claim into a token being issued. */
  public void writeDevice(JWTClaimsSet.Builder claims, DeviceId device) {
    claims.claim(DEVICE, device.value());
  }

  /** How a token says "admin". */
  public sealed interface AdminClaim {
    /** The claim's name. */
    String claim();

    /**
     * True when the claims say admin; absent means false. @throws HttpProblem 401 on a claim of the
     * wrong shape
     */
    boolean isAdmin(JWTClaimsSet claims);

    /** Marks a token being issued as an admin's. */
    void write(JWTClaimsSet.Builder claims);

    /**
     * Parses {@code CHAT_AUTH_CLAIM_ADMIN}: {@code roles:chat-admin} means "the {@code roles} array
     * contains {@code chat-admin}" (split at the last colon, so a namespaced claim such as {@code
     * https://studio.example/roles:chat-admin} works); a plain name means a boolean claim.
     */
    static AdminClaim parse(String spec) {
      String s = claimName(spec, "admin");
      int colon = s.lastIndexOf(':');
      if (colon < 0) return new Flag(s);
      return new Role(s.substring(0, colon), s.substring(colon + 1));
    }

    /** A boolean claim: {@code "admin": true}. */
    record Flag(String claim) implements AdminClaim {
      public Flag {
        claim = claimName(claim, "admin");
      }

      @Override
      public boolean isAdmin(JWTClaimsSet claims) {
        Object value = claims.getClaim(claim);
        if (value != null && !(value instanceof Boolean)) {
          throw HttpProblem.unauthorized("token " + claim + " claim must be a boolean");
        }
        return Boolean.TRUE.equals(value);
      }

      @Override
      public void write(JWTClaimsSet.Builder claims) {
        claims.claim(claim, true);
      }
    }

    /** A role in an array claim: {@code "roles": ["player", "chat-admin"]}. */
    record Role(String claim, String role) implements AdminClaim {
      public Role {
        claim = claimName(claim, "admin");
        if (role == null || role.isBlank()) {
          throw new IllegalArgumentException("the admin role needs a name after the colon");
        }
        role = role.strip();
      }

      @Override
      public boolean isAdmin(JWTClaimsSet claims) {
        Object value = claims.getClaim(claim);
        if (value == null) return false;
        if (!(value instanceof List<?> roles)
            || !roles.stream().allMatch(String.class::isInstance)) {
          throw HttpProblem.unauthorized("token " + claim + " claim must be an array of strings");
        }
        return roles.contains(role);
      }

      @Override
      public void write(JWTClaimsSet.Builder claims) {
        claims.claim(claim, List.of(role));
      }
    }
  }
}
