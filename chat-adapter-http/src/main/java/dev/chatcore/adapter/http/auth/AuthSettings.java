package dev.chatcore.adapter.http.auth;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How bearer tokens are verified (and the server's own tokens shaped).
 *
 * @param secret the HS256 key, used as its UTF-8 bytes (at least {@link #MIN_SECRET_BYTES}); the
 *     server also signs its own tokens with it
 * @param jwks where the authentication service publishes its RS256/ES256 keys; empty for HS256 only
 * @param issuer the {@code iss} every token must carry, when present
 * @param audience a value every token's {@code aud} must contain, when present
 * @param claims which claims carry the account id, display name and admin flag
 * @param clockSkew how far {@code exp} and {@code nbf} may be off (clocks of other machines drift)
 */
public record AuthSettings(
    String secret,
    Optional<Jwks> jwks,
    Optional<String> issuer,
    Optional<String> audience,
    ClaimMapping claims,
    Duration clockSkew) {
  /** Smallest secret, in UTF-8 bytes (HS256 wants at least 256 bits). */
  public static final int MIN_SECRET_BYTES = 32;

  public AuthSettings {
    Objects.requireNonNull(secret, "secret");
    if (secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    Objects.requireNonNull(jwks, "jwks");
    Objects.requireNonNull(issuer, "issuer");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(claims, "claims");
    if (clockSkew.isNegative())
      throw new IllegalArgumentException("clockSkew must not be negative");
  }

  /** HS256 with {@code secret} only: the standard claims, no issuer or audience, no clock skew. */
  public static AuthSettings hs256(String secret) {
    return new AuthSettings(
        secret,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ClaimMapping.DEFAULT,
        Duration.ZERO);
  }

  public AuthSettings withJwks(Jwks keys) {
    return new AuthSettings(secret, Optional.of(keys), issuer, audience, claims, clockSkew);
  }

  public AuthSettings withIssuer(String iss) {
    return new AuthSettings(secret, jwks, Optional.of(iss), audience, claims, clockSkew);
  }

  public AuthSettings withAudience(String aud) {
    return new AuthSettings(secret, jwks, issuer, Optional.of(aud), claims, clockSkew);
  }

  public AuthSettings withClaims(ClaimMapping mapping) {
    return new AuthSettings(secret, jwks, issuer, audience, mapping, clockSkew);
  }

  /**
   * The authentication service's key set, fetched and cached by nimbus-jose-jwt's JWK source.
   *
   * @param url the JWKS document ({@code https://auth.example/.well-known/jwks.json})
   * @param cacheTtl how long fetched keys are used before they are fetched again (they are
   *     refreshed in the background before that)
   * @param refreshMinInterval the rate limit of fetches: at most two per interval, whatever the
   *     tokens with unknown key ids ask (must be shorter than {@code cacheTtl})
   * @param outageTolerance how long the last fetched keys keep verifying while the JWKS cannot be
   *     fetched
   * @param timeout HTTP connect and read timeout of one fetch
   */
  public record Jwks(
      URL url,
      Duration cacheTtl,
      Duration refreshMinInterval,
      Duration outageTolerance,
      Duration timeout) {
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_REFRESH_MIN_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_OUTAGE_TOLERANCE = Duration.ofHours(24);
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public Jwks {
      Objects.requireNonNull(url, "url");
      if (refreshMinInterval.isNegative() || refreshMinInterval.compareTo(cacheTtl) >= 0) {
        throw new IllegalArgumentException("refreshMinInterval must be shorter than cacheTtl");
      }
      if (outageTolerance.compareTo(cacheTtl) < 0)
        throw new IllegalArgumentException("outageTolerance below cacheTtl");
      if (timeout.isNegative() || timeout.isZero())
        throw new IllegalArgumentException("timeout must be positive");
    }

    /** {@code url} with the default timings. */
    public static Jwks at(URL url) {
      return new Jwks(
          url,
          DEFAULT_CACHE_TTL,
          DEFAULT_REFRESH_MIN_INTERVAL,
          DEFAULT_OUTAGE_TOLERANCE,
          DEFAULT_TIMEOUT);
    }

    public Jwks withRefreshMinInterval(Duration interval) {
      return new Jwks(url, cacheTtl, interval, outageTolerance, timeout);
    }
  }
}
