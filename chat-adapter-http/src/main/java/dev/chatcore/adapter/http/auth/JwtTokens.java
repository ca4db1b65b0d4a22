package dev.chatcore.adapter.http.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.chatcore.adapter.http.HttpProblem;
import dev.chatcore.application.Caller;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.HexIds;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Bearer JWTs, HS256 over {@code CHAT_AUTH_SECRET}, with nimbus-jose-jwt (no hand-written JOSE).
 * Verifies client tokens and signs the server's own (invite redemption, the {@code token}
 * command). Verified tokens are cached, bounded, so the hot path does not re-verify the HMAC.
 *
 * <p>Claims: {@code sub} (24 hex, required), {@code exp} (required), {@code nbf} (optional: refused
 * before it, like an expired token), {@code name} (string, optional), {@code admin} (boolean,
 * optional). Anything else about a token is a 401.
 */
public final class JwtTokens {
  /** Smallest secret, in UTF-8 bytes (HS256 wants at least 256 bits). */
  public static final int MIN_SECRET_BYTES = 32;

  private record Verified(Caller caller, Instant expires) {}

  private final MACSigner signer;
  private final JWSVerifier verifier;
  private final Clock clock;
  private final Cache<String, Verified> verified =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(10)).build();

  public JwtTokens(String secret, Clock clock) {
    byte[] key = secret.getBytes(StandardCharsets.UTF_8);
    if (key.length < MIN_SECRET_BYTES) {
      throw new IllegalArgumentException("secret must be at least " + MIN_SECRET_BYTES + " bytes");
    }
    try {
      this.signer = new MACSigner(key);
      this.verifier = new MACVerifier(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable secret", e);
    }
    this.clock = clock;
  }

  /** Signs a token for the account, valid for {@code ttl}. */
  public String issue(AccountId sub, String name, boolean admin, Duration ttl) {
    Instant now = clock.instant();
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
        .subject(sub.value())
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(ttl)));
    if (name != null && !name.isEmpty()) claims.claim("name", name);
    if (admin) claims.claim("admin", true);
    SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign", e);
    }
    return jwt.serialize();
  }

  /**
   * Verifies a bearer token and returns its caller.
   *
   * @throws HttpProblem 401 for a malformed, badly signed, unsigned, expired or ill-claimed token
   */
  public Caller verify(String token) {
    Instant now = clock.instant();
    Verified hit = verified.getIfPresent(token);
    if (hit != null) {
      if (now.isBefore(hit.expires())) return hit.caller();
      throw HttpProblem.unauthorized("token expired");
    }
    Verified fresh = check(token, now);
    verified.put(token, fresh);
    return fresh.caller();
  }

  private Verified check(String token, Instant now) {
    SignedJWT jwt;
    JWTClaimsSet claims;
    try {
      jwt = SignedJWT.parse(token);
      claims = jwt.getJWTClaimsSet();
    } catch (ParseException e) {
      throw HttpProblem.unauthorized("malformed token");
    }
    if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
      throw HttpProblem.unauthorized("token must be signed with HS256");
    }
    try {
      if (!jwt.verify(verifier)) throw HttpProblem.unauthorized("bad token signature");
    } catch (JOSEException e) {
      throw HttpProblem.unauthorized("bad token signature");
    }
    Date exp = claims.getExpirationTime();
    if (exp == null) throw HttpProblem.unauthorized("token has no exp");
    Instant expires = exp.toInstant();
    if (!now.isBefore(expires)) throw HttpProblem.unauthorized("token expired");
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.isBefore(nbf.toInstant())) throw HttpProblem.unauthorized("token not valid yet (nbf)");
    String sub = claims.getSubject();
    if (!HexIds.isValid(sub)) throw HttpProblem.unauthorized("token sub must be a 24-character hex id");
    Object admin = claims.getClaim("admin");
    if (admin != null && !(admin instanceof Boolean)) throw HttpProblem.unauthorized("token admin claim must be a boolean");
    Object name = claims.getClaim("name");
    if (name != null && !(name instanceof String)) throw HttpProblem.unauthorized("token name claim must be a string");
    Caller caller = new Caller(new AccountId(sub), name == null ? "" : ((String) name).strip(), Boolean.TRUE.equals(admin));
    return new Verified(caller, expires);
  }
}
