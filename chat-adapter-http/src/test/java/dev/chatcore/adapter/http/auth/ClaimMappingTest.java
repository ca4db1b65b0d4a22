package dev.chatcore.adapter.http.auth;

import static dev.chatcore.adapter.http.auth.TestTokens.ACCOUNT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.chatcore.adapter.http.HttpProblem;
import dev.chatcore.application.Caller;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.testing.MutableClock;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Studio tokens rarely say sub/name/admin: the claim names are configurable. */
class ClaimMappingTest {
  static final String SECRET = JwksTokensTest.SECRET;
  private final MutableClock clock = new MutableClock();
  private final ClaimMapping studio =
      new ClaimMapping("player_id", "nickname", ClaimMapping.AdminClaim.parse("roles:chat-admin"));

  @Test
  void rolesClaimContainingTheRoleMeansAdmin() {
    assertTrue(caller(studio, claims().claim("roles", List.of("player", "chat-admin"))).admin());
    assertFalse(caller(studio, claims().claim("roles", List.of("player"))).admin());
    assertFalse(caller(studio, claims()).admin(), "no roles claim: a player");
    Caller named = caller(studio, claims().claim("nickname", " Ada "));
    assertEquals(new Caller(new AccountId(ACCOUNT), "Ada", false), named);
  }

  @Test
  void aPlainNameMeansABooleanClaim() {
    ClaimMapping flag = new ClaimMapping("sub", "name", ClaimMapping.AdminClaim.parse("is_staff"));
    assertTrue(caller(flag, claims("sub").claim("is_staff", true)).admin());
    assertRefused(
        flag, claims("sub").claim("is_staff", "yes"), "token is_staff claim must be a boolean");
  }

  @Test
  void aNamespacedRolesClaimSplitsAtTheLastColon() {
    assertEquals(
        new ClaimMapping.AdminClaim.Role("https://studio.example/roles", "chat-admin"),
        ClaimMapping.AdminClaim.parse("https://studio.example/roles:chat-admin"));
  }

  @Test
  void claimsOfTheWrongShapeAreA401NamingTheClaim() {
    assertRefused(
        studio,
        claims().claim("player_id", "player-42"),
        "token player_id claim must be a 24-character hex account id");
    assertRefused(
        studio, claims("sub"), "token player_id claim must be a 24-character hex account id");
    assertRefused(
        studio,
        claims().claim("roles", "chat-admin"),
        "token roles claim must be an array of strings");
    assertRefused(studio, claims().claim("nickname", 7), "token nickname claim must be a string");
  }

  @Test
  void aDeviceIdClaimNamesTheCallersDeviceAndMustBeADeviceId() {
    assertEquals(
        Optional.of(new DeviceId("PHONE-1")),
        caller(studio, claims().claim("device_id", "PHONE-1")).device());
    assertEquals(Optional.empty(), caller(studio, claims()).device());
    String rule = "token device_id claim must be 1-64 characters of A-Z a-z 0-9 . _ - ~";
    assertRefused(studio, claims().claim("device_id", "has/slash"), rule);
    assertRefused(studio, claims().claim("device_id", ""), rule);
    assertRefused(studio, claims().claim("device_id", "x".repeat(65)), rule);
    assertRefused(studio, claims().claim("device_id", 7), rule);
  }

  @Test
  void badMappingsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ClaimMapping.AdminClaim.parse("roles:"));
    assertThrows(
        IllegalArgumentException.class, () -> ClaimMapping.AdminClaim.parse(":chat-admin"));
    assertThrows(
        IllegalArgumentException.class,
        () -> new ClaimMapping("sub", "sub", ClaimMapping.DEFAULT.admin()));
  }

  @Test
  void theServersOwnTokensUseTheMappingIssuerAndAudienceAndPassTheSameChecks() {
    AuthSettings settings =
        new AuthSettings(
            SECRET,
            Optional.empty(),
            Optional.of("https://auth.studio.example"),
            Optional.of("chat"),
            studio,
            Duration.ZERO);
    try (JwtTokens tokens = new JwtTokens(settings, clock)) {
      String token = tokens.issue(new AccountId(ACCOUNT), "Ada", true, Duration.ofHours(1));
      assertEquals(new Caller(new AccountId(ACCOUNT), "Ada", true), tokens.verify(token));
    }
  }

  @Test
  void wrongIssuerOrAudienceIsRefusedForHs256Too() {
    AuthSettings settings =
        AuthSettings.hs256(SECRET).withIssuer("https://auth.studio.example").withAudience("chat");
    try (JwtTokens tokens = new JwtTokens(settings, clock)) {
      JWTClaimsSet.Builder right =
          claims("sub").issuer("https://auth.studio.example").audience(List.of("chat", "shop"));
      assertEquals(
          ACCOUNT, tokens.verify(TestTokens.hs256(SECRET.getBytes(), right.build())).id().value());
      assertRefused(
          tokens,
          claims("sub").issuer("https://evil.example").audience("chat"),
          "token iss must be \"https://auth.studio.example\"");
      assertRefused(tokens, claims("sub").audience("chat"), "token iss must be");
      assertRefused(
          tokens,
          claims("sub").issuer("https://auth.studio.example").audience("shop"),
          "token aud must include \"chat\"");
      assertRefused(
          tokens, claims("sub").issuer("https://auth.studio.example"), "token aud must include");
    }
  }

  private JWTClaimsSet.Builder claims() {
    return claims("player_id");
  }

  private JWTClaimsSet.Builder claims(String accountClaim) {
    return new JWTClaimsSet.Builder()
        .claim(accountClaim, ACCOUNT)
        .expirationTime(Date.from(clock.instant().plus(Duration.ofHours(1))));
  }

  private Caller caller(ClaimMapping mapping, JWTClaimsSet.Builder claims) {
    try (JwtTokens tokens = new JwtTokens(AuthSettings.hs256(SECRET).withClaims(mapping), clock)) {
      return tokens.verify(TestTokens.hs256(SECRET.getBytes(), claims.build()));
    }
  }

  private void assertRefused(ClaimMapping mapping, JWTClaimsSet.Builder claims, String message) {
    try (JwtTokens tokens = new JwtTokens(AuthSettings.hs256(SECRET).withClaims(mapping), clock)) {
      assertRefused(tokens, claims, message);
    }
  }

  private static void assertRefused(JwtTokens tokens, JWTClaimsSet.Builder claims, String message) {
    HttpProblem refused =
        assertThrows(
            HttpProblem.class,
            () -> tokens.verify(TestTokens.hs256(SECRET.getBytes(), claims.build())));
    assertEquals(401, refused.reply().status());
    assertTrue(refused.getMessage().startsWith(message), refused.getMessage());
  }
}
