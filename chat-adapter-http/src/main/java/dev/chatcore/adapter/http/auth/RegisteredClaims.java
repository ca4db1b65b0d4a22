package dev.chatcore.adapter.http.auth;

import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.JWTClaimsSetVerifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The registered claims every token must satisfy, HS256 or published-key alike: {@code exp}
 * (required, not passed), {@code nbf} (not in the future), and {@code iss} and {@code aud} when
 * configured. nimbus's processor calls it only after the signature checked out. Written here rather
 * than with nimbus's {@code DefaultJWTClaimsVerifier} for the injected clock and for 401 messages
 * that say which claim was wrong.
 */
final class RegisteredClaims implements JWTClaimsSetVerifier<SecurityContext> {
  private final Optional<String> issuer;
  private final Optional<String> audience;
  private final Duration skew;
  private final Clock clock;

  RegisteredClaims(AuthSettings settings, Clock clock) {
    this.issuer = settings.issuer();
    this.audience = settings.audience();
    this.skew = settings.clockSkew();
    this.clock = clock;
  }

  /** Until when a token expiring at {@code exp} is accepted. */
  Instant acceptedUntil(Date exp) {
    return exp.toInstant().plus(skew);
  }

  @Override
  public void verify(JWTClaimsSet claims, SecurityContext context) throws BadJWTException {
    Instant now = clock.instant();
    Date exp = claims.getExpirationTime();
    if (exp == null) throw new BadJWTException("token has no exp");
    if (!now.isBefore(acceptedUntil(exp))) throw new BadJWTException("token expired");
    Date nbf = claims.getNotBeforeTime();
    if (nbf != null && now.isBefore(nbf.toInstant().minus(skew))) {
      throw new BadJWTException("token not valid yet (nbf is in the future)");
    }
    if (issuer.isPresent() && !issuer.get().equals(claims.getIssuer())) {
      throw new BadJWTException("token iss must be \"" + issuer.get() + "\"");
    }
    if (audience.isPresent()) {
      List<String> aud = claims.getAudience();
      if (aud == null || !aud.contains(audience.get())) {
        throw new BadJWTException("token aud must include \"" + audience.get() + "\"");
      }
    }
  }
}
