package dev.chatcore.adapter.http.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSKeySelector;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys a token may be verified with, chosen by its {@code alg}: HS256 gets the server's secret
 * and nothing else; RS256 and ES256 get the authentication service's published keys (matched by
 * {@code kid} and key type). Keeping the two apart is what refuses algorithm confusion: an HS256
 * token is never checked against a public key, and a published key never verifies an HMAC.
 */
final class VerificationKeys implements JWSKeySelector<SecurityContext> {
  /** What the authentication service may sign with. */
  static final Set<JWSAlgorithm> PUBLISHED = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

  private final JWSKeySelector<SecurityContext> secret;
  private final Optional<JWSKeySelector<SecurityContext>> published;

  VerificationKeys(String secret, Optional<JWKSource<SecurityContext>> publishedKeys) {
    this.secret =
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.HS256, new ImmutableSecret<>(secret.getBytes(StandardCharsets.UTF_8)));
    this.published = publishedKeys.map(keys -> new JWSVerificationKeySelector<>(PUBLISHED, keys));
  }

  /** The algorithms accepted, HS256 first. */
  Set<JWSAlgorithm> algorithms() {
    Set<JWSAlgorithm> all = new LinkedHashSet<>(List.of(JWSAlgorithm.HS256));
    if (published.isPresent()) all.addAll(List.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256));
    return all;
  }

  @Override
  public List<? extends Key> selectJWSKeys(JWSHeader header, SecurityContext context)
      throws KeySourceException {
    JWSAlgorithm alg = header.getAlgorithm();
    if (JWSAlgorithm.HS256.equals(alg)) return secret.selectJWSKeys(header, context);
    if (published.isPresent() && PUBLISHED.contains(alg))
      return published.get().selectJWSKeys(header, context);
    return List.of();
  }
}
