package dev.chatcore.adapter.http.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.chatcore.adapter.http.HttpProblem;
import dev.chatcore.application.Caller;
import dev.chatcore.application.health.Dependency;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.id.AccountId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bearer JWTs, the one place for authentication: verifies client tokens (HS256 over {@code
 * CHAT_AUTH_SECRET}, and RS256/ES256 against the authentication service's JWKS when one is
 * configured) and signs the server's own (invite redemption, the {@code token} command). All JOSE
 * work is nimbus-jose-jwt's. Verified tokens are cached, bounded, so the hot path neither
 * re-verifies a signature nor looks up a key.
 *
 * <p>Every token needs a good signature, an {@code exp} not passed, no {@code nbf} in the future,
 * and the configured {@code iss} and {@code aud}; the {@link ClaimMapping} turns its claims into a
 * {@link Caller}. Anything else about a token is a 401.
 */
public final class JwtTokens implements AutoCloseable {
  /** Smallest secret, in UTF-8 bytes (HS256 wants at least 256 bits). */
  public static final int MIN_SECRET_BYTES = AuthSettings.MIN_SECRET_BYTES;

  private record Verified(Caller caller, Instant acceptedUntil) {}

  private final AuthSettings settings;
  private final MACSigner signer;
  private final Optional<JwksKeys> published;
  private final RegisteredClaims registered;
  private final VerificationKeys keys;
  private final TokenVerifier verifier;
  private final Clock clock;
  private final Cache<String, Verified> verified =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  /** HS256 with {@code secret} only, the standard claims. */
  public JwtTokens(String secret, Clock clock) {
    this(AuthSettings.hs256(secret), clock);
  }

  /** Builds the verifier; the published keys are first fetched by {@link #fetchKeys()}. */
  public JwtTokens(AuthSettings settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    try {
      this.signer = new MACSigner(settings.secret().getBytes(StandardCharsets.UTF_8));
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable secret", e);
    }
    this.published = settings.jwks().map(jwks -> new JwksKeys(jwks, clock));
    this.registered = new RegisteredClaims(settings, clock);
    this.keys = new VerificationKeys(settings.secret(), published.map(JwksKeys::source));
    this.verifier =
        new TokenVerifier(keys, registered, () -> published.map(JwksKeys::failing).orElse(false));
  }

  /**
   * Signs a token for the account, valid for {@code ttl}: HS256, with the claims in the configured
   * names and the configured {@code iss} and {@code aud}, so it passes the same checks as the
   * authentication service's tokens.
   */
  public String issue(AccountId sub, String name, boolean admin, Duration ttl) {
    return issue(sub, name, admin, Optional.empty(), ttl);
  }

  /** {@link #issue(AccountId, String, boolean, Duration)} for one device of the account. */
  public String issue(
      AccountId sub, String name, boolean admin, Optional<DeviceId> device, Duration ttl) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims =
        new JWTClaimsSet.Builder()
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ttl)));
    settings.issuer().ifPresent(claims::issuer);
    settings.audience().ifPresent(claims::audience);
    settings.claims().write(claims, sub, name, admin);
    device.ifPresent(d -> settings.claims().writeDevice(claims, d));
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign", e);
    }
    return jwt.serialize();
  }

  /**
   * Verifies a bearer token and returns its caller. May wait for the published keys to be fetched
   * (see {@link #mayFetchKeys}).
   *
   * @throws HttpProblem 401 for a malformed, badly signed, unsigned, expired, not yet valid,
   *     foreign ({@code iss}, {@code aud}) or ill-claimed token
   * @throws UnavailableException when the key the token needs cannot be fetched now
   */
  public Caller verify(String token) {
    Instant now = clock.instant();
    Verified hit = verified.getIfPresent(token);
    if (hit != null) {
      if (now.isBefore(hit.acceptedUntil())) return hit.caller();
      throw HttpProblem.unauthorized("token expired");
    }
    JWTClaimsSet claims = verifier.verify(token);
    Verified fresh =
        new Verified(
            settings.claims().caller(claims), registered.acceptedUntil(claims.getExpirationTime()));
    verified.put(token, fresh);
    return fresh.caller();
  }

  /**
   * True when {@link #verify} may wait on the network for this token (published keys configured and
   * the token not verified before): callers on an IO thread verify it elsewhere. False for a null
   * or empty token, which {@link #verify} refuses at once.
   */
  public boolean mayFetchKeys(String token) {
    return published.isPresent()
        && token != null
        && !token.isEmpty()
        && verified.getIfPresent(token) == null;
  }

  /** The signing algorithms accepted, for {@code /.well-known}. */
  public List<String> algorithms() {
    return keys.algorithms().stream().map(JWSAlgorithm::getName).toList();
  }

  /** What readiness should watch: the published keys' fetches, when configured. */
  public List<Dependency> dependencies() {
    return published.map(JwksKeys::health).stream().toList();
  }

  /**
   * Fetches the published keys in the background (none configured: nothing to do), so the first
   * token finds them cached and the scheduled refresh starts; completes when the fetch is over.
   */
  public CompletableFuture<Void> fetchKeys() {
    return published.map(JwksKeys::fetch).orElseGet(() -> CompletableFuture.completedFuture(null));
  }

  /** Stops refreshing the published keys. */
  @Override
  public void close() {
    published.ifPresent(JwksKeys::close);
  }
}
