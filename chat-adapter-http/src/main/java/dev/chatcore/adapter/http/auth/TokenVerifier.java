package dev.chatcore.adapter.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.chatcore.adapter.http.HttpProblem;
import dev.chatcore.domain.error.UnavailableException;
import java.text.ParseException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Checks a token with nimbus-jose-jwt's JWT processor: parse, {@code typ}, the key its {@code alg}
 * allows ({@link VerificationKeys}), the signature, then the {@link RegisteredClaims}. What the
 * claims mean is {@link ClaimMapping}'s business.
 */
final class TokenVerifier {
  private final VerificationKeys keys;
  private final BooleanSupplier keysUnreachable;
  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  /**
   * @param keysUnreachable true while the published keys cannot be fetched (then a refused fetch is
   *     a 503)
   */
  TokenVerifier(VerificationKeys keys, RegisteredClaims claims, BooleanSupplier keysUnreachable) {
    this.keys = keys;
    this.keysUnreachable = keysUnreachable;
    // plain JWTs and OAuth access tokens (RFC 9068) alike; no typ at all is common too
    processor.setJWSTypeVerifier(
        new DefaultJOSEObjectTypeVerifier<>(
            JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
    processor.setJWSKeySelector(keys);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * The claims of a token whose signature and registered claims check out.
   *
   * @throws HttpProblem 401 for anything wrong with the token
   * @throws UnavailableException when the key it needs cannot be fetched now (503: retry later)
   */
  JWTClaimsSet verify(String token) {
    SignedJWT jwt = signed(token);
    try {
      return processor.process(jwt, null);
    } catch (BadJWSException e) {
      throw HttpProblem.unauthorized("bad token signature");
    } catch (BadJWTException e) {
      throw HttpProblem.unauthorized(e.getMessage());
    } catch (BadJOSEException e) {
      throw HttpProblem.unauthorized("token refused: " + e.getMessage());
    } catch (RateLimitReachedException e) {
      // the keys were fetched twice lately and the token's kid was in neither
      if (keysUnreachable.getAsBoolean()) throw unavailable(e);
      throw HttpProblem.unauthorized("no published key matches the token's kid");
    } catch (KeySourceException e) {
      throw unavailable(e);
    } catch (JOSEException e) {
      throw HttpProblem.unauthorized("bad token signature");
    }
  }

  private SignedJWT signed(String token) {
    JWT jwt;
    try {
      jwt = JWTParser.parse(token);
    } catch (ParseException e) {
      throw HttpProblem.unauthorized("malformed token");
    }
    if (jwt instanceof PlainJWT)
      throw HttpProblem.unauthorized("unsigned tokens (alg none) are refused");
    if (!(jwt instanceof SignedJWT signed))
      throw HttpProblem.unauthorized("encrypted tokens are not accepted");
    if (!keys.algorithms().contains(signed.getHeader().getAlgorithm())) {
      throw HttpProblem.unauthorized(
          "token must be signed with "
              + keys.algorithms().stream()
                  .map(JWSAlgorithm::getName)
                  .collect(Collectors.joining(" or ")));
    }
    return signed;
  }

  private static UnavailableException unavailable(KeySourceException e) {
    return new UnavailableException(
        "cannot fetch the authentication service's keys; retry later", e);
  }
}
