package dev.chatcore.adapter.http.auth;

import static dev.chatcore.adapter.http.auth.TestTokens.ACCOUNT;
import static dev.chatcore.adapter.http.auth.TestTokens.claims;
import static dev.chatcore.adapter.http.auth.TestTokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import dev.chatcore.adapter.http.HttpProblem;
import dev.chatcore.application.Caller;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.testing.Await;
import dev.chatcore.domain.testing.MutableClock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RS256/ES256 tokens against a real JWKS over HTTP, beside HS256; every refusal is a 401. */
class JwksTokensTest {
  static final String SECRET = "jwks-test-secret-jwks-test-secret-0123";

  private final MutableClock clock = new MutableClock();
  private final RSAKey rsa = TestTokens.rsa("rsa-1");
  private final ECKey ec = TestTokens.ec("ec-1");
  private final JwksServer jwks = new JwksServer(rsa, ec);
  private JwtTokens tokens = tokens(AuthSettings.Jwks.at(jwks.url()));

  private JwtTokens tokens(AuthSettings.Jwks keys) {
    JwtTokens t = new JwtTokens(AuthSettings.hs256(SECRET).withJwks(keys), clock);
    t.fetchKeys().join();
    return t;
  }

  @AfterEach
  void close() {
    tokens.close();
    jwks.close();
  }

  @Test
  void rs256AndEs256TokensSignedWithPublishedKeysAreAccepted() {
    assertEquals(ACCOUNT, tokens.verify(sign(rsa, claims(clock.instant()).build())).id().value());
    assertEquals(
        ACCOUNT,
        tokens.verify(sign(ec, claims(clock.instant()).claim("name", "Ada").build())).id().value());
    assertEquals(1, jwks.fetches(), "the keys were fetched once, at start, and then cached");
    assertEquals(Optional.empty(), tokens.dependencies().get(0).problem());
  }

  @Test
  void hs256KeepsWorkingBesideThePublishedKeys() {
    Caller caller =
        tokens.verify(
            TestTokens.hs256(
                SECRET.getBytes(), claims(clock.instant()).claim("admin", true).build()));
    assertTrue(caller.admin());
    assertEquals(List.of("HS256", "RS256", "ES256"), tokens.algorithms());
  }

  @Test
  void aRotatedInKeyIsAcceptedWithoutRestart() {
    RSAKey next = TestTokens.rsa("rsa-2");
    jwks.publish(next, ec);
    assertEquals(ACCOUNT, tokens.verify(sign(next, claims(clock.instant()).build())).id().value());
    assertEquals(2, jwks.fetches(), "the unknown kid made the source fetch the keys again");
  }

  @Test
  void unknownKidsRefetchTheKeysAtMostTwicePerInterval() {
    RSAKey stranger = TestTokens.rsa("stranger");
    for (int i = 0; i < 5; i++) {
      HttpProblem refused =
          assertThrows(
              HttpProblem.class,
              () ->
                  tokens.verify(
                      sign(
                          stranger,
                          claims(clock.instant()).jwtID("t" + System.nanoTime()).build())));
      assertEquals(401, refused.reply().status());
    }
    assertEquals(2, jwks.fetches(), "the start and one refresh; the rest were rate-limited");
    assertEquals(
        Optional.empty(), tokens.dependencies().get(0).problem(), "a rate limit is no outage");
  }

  @Test
  void cachedKeysKeepVerifyingWhileTheJwksIsDownAndReadinessSaysWhy() {
    jwks.close();
    // a new kid makes the source try a fetch, which fails
    assertThrows(
        HttpProblem.class,
        () -> tokens.verify(sign(TestTokens.rsa("rsa-9"), claims(clock.instant()).build())));
    assertEquals(
        ACCOUNT,
        tokens.verify(sign(rsa, claims(clock.instant()).jwtID("fresh").build())).id().value());
    assertEquals(
        ACCOUNT,
        tokens.verify(sign(ec, claims(clock.instant()).jwtID("fresh").build())).id().value());
    String problem = tokens.dependencies().get(0).problem().orElseThrow();
    assertTrue(problem.startsWith("auth_keys: cannot fetch " + jwks.url()), problem);
    assertTrue(problem.contains("verifying with the keys fetched at"), problem);
  }

  @Test
  void readinessRecoversWithTheNextGoodFetch() {
    tokens.close();
    tokens = tokens(AuthSettings.Jwks.at(jwks.url()).withRefreshMinInterval(Duration.ZERO));
    jwks.failing(true);
    assertThrows(
        HttpProblem.class,
        () -> tokens.verify(sign(TestTokens.rsa("new-1"), claims(clock.instant()).build())));
    assertTrue(tokens.dependencies().get(0).problem().isPresent());
    RSAKey next = TestTokens.rsa("new-2");
    jwks.publish(next);
    jwks.failing(false);
    assertEquals(ACCOUNT, tokens.verify(sign(next, claims(clock.instant()).build())).id().value());
    assertEquals(Optional.empty(), tokens.dependencies().get(0).problem());
  }

  @Test
  void keysAreRefreshedOnScheduleSoAnOutageShowsWithoutTraffic() throws InterruptedException {
    tokens.close();
    // a 2 s cache: the refresh is scheduled half a second before it expires
    tokens =
        tokens(
            new AuthSettings.Jwks(
                jwks.url(),
                Duration.ofSeconds(2),
                Duration.ZERO,
                Duration.ofMinutes(1),
                Duration.ofSeconds(1)));
    int started = jwks.fetches();
    Await.until(() -> jwks.fetches() > started, () -> "a scheduled refresh");
    jwks.close();
    Await.until(
        () -> tokens.dependencies().get(0).problem().isPresent(),
        () -> "the failed scheduled refresh in readiness");
    assertEquals(ACCOUNT, tokens.verify(sign(rsa, claims(clock.instant()).build())).id().value());
  }

  @Test
  void withoutAnyFetchedKeyAPublishedKeyTokenIsUnavailableNotUnauthorized() {
    jwks.close();
    JwtTokens cold =
        new JwtTokens(AuthSettings.hs256(SECRET).withJwks(AuthSettings.Jwks.at(jwks.url())), clock);
    try {
      cold.fetchKeys().join();
      assertTrue(cold.dependencies().get(0).problem().orElseThrow().contains("no keys yet"));
      assertThrows(
          UnavailableException.class,
          () -> cold.verify(sign(rsa, claims(clock.instant()).build())));
    } finally {
      cold.close();
    }
  }

  @Test
  void unsignedTokensAreRefused() {
    assertRefused(new PlainJWT(claims(clock.instant()).build()).serialize(), "alg none");
  }

  @Test
  void hs256SignedWithThePublishedPublicKeyIsRefused() throws Exception {
    // algorithm confusion: the attacker knows the public key and uses its bytes as an HMAC secret
    assertRefused(
        TestTokens.hs256(rsa.toRSAPublicKey().getEncoded(), claims(clock.instant()).build()),
        "signature");
    assertRefused(
        TestTokens.hs256(
            rsa.toPublicJWK().toJSONString().getBytes(), claims(clock.instant()).build()),
        "signature");
  }

  @Test
  void aTokenSignedWithAnotherKeyUnderAPublishedKidIsRefused() {
    assertRefused(sign(TestTokens.rsa("rsa-1"), claims(clock.instant()).build()), "signature");
  }

  @Test
  void expiredAndNotYetValidTokensAreRefused() {
    assertRefused(
        sign(
            rsa,
            claims(clock.instant())
                .expirationTime(Date.from(clock.instant().minusSeconds(1)))
                .build()),
        "expired");
    assertRefused(
        sign(
            ec,
            claims(clock.instant())
                .notBeforeTime(Date.from(clock.instant().plusSeconds(60)))
                .build()),
        "nbf");
    String later =
        TestTokens.hs256(
            SECRET.getBytes(),
            claims(clock.instant())
                .notBeforeTime(Date.from(clock.instant().plusSeconds(60)))
                .build());
    assertRefused(later, "nbf");
    clock.advance(Duration.ofSeconds(60));
    assertEquals(ACCOUNT, tokens.verify(later).id().value());
    clock.advance(Duration.ofHours(1));
    assertRefused(later, "expired");
  }

  @Test
  void clockSkewToleratesSlightlyOffClocks() {
    tokens.close();
    tokens =
        new JwtTokens(
            new AuthSettings(
                SECRET,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                ClaimMapping.DEFAULT,
                Duration.ofSeconds(30)),
            clock);
    String early =
        TestTokens.hs256(
            SECRET.getBytes(),
            claims(clock.instant())
                .notBeforeTime(Date.from(clock.instant().plusSeconds(20)))
                .build());
    assertEquals(ACCOUNT, tokens.verify(early).id().value());
    String expired =
        TestTokens.hs256(
            SECRET.getBytes(),
            claims(clock.instant())
                .expirationTime(Date.from(clock.instant().minusSeconds(20)))
                .build());
    assertEquals(ACCOUNT, tokens.verify(expired).id().value());
    clock.advance(Duration.ofSeconds(11));
    assertRefused(expired, "expired");
  }

  private void assertRefused(String token, String reason) {
    HttpProblem refused = assertThrows(HttpProblem.class, () -> tokens.verify(token));
    assertEquals(401, refused.reply().status());
    assertTrue(refused.getMessage().contains(reason), refused.getMessage());
  }
}
