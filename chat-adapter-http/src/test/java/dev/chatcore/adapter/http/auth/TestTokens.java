package dev.chatcore.adapter.http.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** Real RSA and EC keys and tokens signed with them, as an authentication service would. */
final class TestTokens {
  static final String ACCOUNT = "0123456789abcdef01234567";

  private TestTokens() {}

  static RSAKey rsa(String kid) {
    try {
      return new RSAKeyGenerator(2048).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  static ECKey ec(String kid) {
    try {
      return new ECKeyGenerator(Curve.P_256).keyID(kid).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code sub} = {@link #ACCOUNT}, expiring an hour after {@code now}. */
  static JWTClaimsSet.Builder claims(Instant now) {
    return new JWTClaimsSet.Builder()
        .subject(ACCOUNT)
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  /** Signs with the key's algorithm (RS256 for RSA, ES256 for EC), naming its kid. */
  static String sign(JWK key, JWTClaimsSet claims) {
    try {
      if (key instanceof RSAKey rsa)
        return sign(JWSAlgorithm.RS256, key.getKeyID(), new RSASSASigner(rsa), claims);
      return sign(JWSAlgorithm.ES256, key.getKeyID(), new ECDSASigner((ECKey) key), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * HS256 over {@code secret}: the server's own kind, or an attacker's with a public key for
   * secret.
   */
  static String hs256(byte[] secret, JWTClaimsSet claims) {
    try {
      return sign(JWSAlgorithm.HS256, null, new MACSigner(secret), claims);
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sign(JWSAlgorithm alg, String kid, JWSSigner signer, JWTClaimsSet claims)
      throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).build(), claims);
    jwt.sign(signer);
    return jwt.serialize();
  }
}
