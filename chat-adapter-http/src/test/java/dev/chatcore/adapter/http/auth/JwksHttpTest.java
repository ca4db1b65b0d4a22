package dev.chatcore.adapter.http.auth;

import static dev.chatcore.adapter.http.auth.TestTokens.ACCOUNT;
import static dev.chatcore.adapter.http.auth.TestTokens.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import dev.chatcore.adapter.http.HttpTestServer;
import dev.chatcore.adapter.http.HttpTestServer.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A studio's tokens through the real HTTP server: published keys, claim mapping, iss/aud,
 * readiness.
 */
class JwksHttpTest {
  private static final String ISSUER = "https://auth.studio.example";
  private static final String AUDIENCE = "chat";

  private final RSAKey rsa = TestTokens.rsa("rsa-1");
  private final ECKey ec = TestTokens.ec("ec-1");
  private final JwksServer jwks = new JwksServer(rsa, ec);
  private final HttpTestServer server;

  JwksHttpTest() {
    AuthSettings settings =
        new AuthSettings(
            JwksTokensTest.SECRET,
            Optional.of(AuthSettings.Jwks.at(jwks.url())),
            Optional.of(ISSUER),
            Optional.of(AUDIENCE),
            new ClaimMapping(
                "player_id", "nickname", ClaimMapping.AdminClaim.parse("roles:chat-admin")),
            Duration.ZERO);
    JwtTokens tokens = new JwtTokens(settings, Clock.systemUTC());
    server = HttpTestServer.builder().tokens(tokens).start();
    tokens.fetchKeys().join();
  }

  @AfterEach
  void close() {
    server.close();
    jwks.close();
  }

  @Test
  void studioTokensAreMappedToCallers() {
    Response me = server.get("/v1/me", sign(rsa, studio("Ada", List.of("player")).build()));
    assertEquals(200, me.status(), me.toString());
    assertEquals(ACCOUNT, me.text("user_id"));
    assertEquals("Ada", me.text("display_name"));
    assertEquals(false, me.json().path("admin").asBoolean());
    // an admin by role creates a room: a request with a body, verified off the IO thread
    Response room =
        server.post(
            "/v1/rooms",
            sign(ec, studio("Root", List.of("chat-admin")).build()),
            "{\"name\":\"lobby\"}");
    assertEquals(201, room.status(), room.toString());
  }

  @Test
  void foreignAndUnsignedTokensAreA401WithTheJsonErrorBody() {
    assertUnauthorized(
        server.get(
            "/v1/me", sign(rsa, studio("Ada", List.of()).issuer("https://evil.example").build())),
        "iss");
    assertUnauthorized(
        server.get("/v1/me", sign(rsa, studio("Ada", List.of()).audience("shop").build())), "aud");
    assertUnauthorized(
        server.get("/v1/me", new PlainJWT(studio("Ada", List.of()).build()).serialize()),
        "alg none");
    assertUnauthorized(
        server.get(
            "/v1/me",
            TestTokens.hs256(
                rsa.toPublicJWK().toJSONString().getBytes(), studio("Ada", List.of()).build())),
        "signature");
  }

  @Test
  void whileTheJwksIsDownCachedKeysVerifyAndReadinessIsDegraded() {
    Response ready = server.get("/readyz", null);
    assertEquals(200, ready.status());
    assertEquals("ready", ready.text("status"));
    jwks.close();
    // a rotated-in key the server cannot fetch
    assertUnauthorized(
        server.get("/v1/me", sign(TestTokens.rsa("rsa-2"), studio("Ada", List.of()).build())),
        "key");
    assertEquals(200, server.get("/v1/me", sign(rsa, studio("Ada", List.of()).build())).status());
    Response degraded = server.get("/readyz", null);
    assertEquals(200, degraded.status(), degraded.toString());
    assertEquals("degraded", degraded.text("status"));
    JsonNode problems = degraded.get("degraded");
    assertEquals(1, problems.size(), degraded.toString());
    assertTrue(
        problems.get(0).asText().startsWith("auth_keys: cannot fetch "), degraded.toString());
  }

  @Test
  void wellKnownListsTheAcceptedAlgorithms() {
    assertEquals(
        "[\"HS256\",\"RS256\",\"ES256\"]",
        server.get("/.well-known", null).json().path("auth").path("algorithms").toString());
  }

  private static JWTClaimsSet.Builder studio(String nickname, List<String> roles) {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .audience(AUDIENCE)
        .claim("player_id", ACCOUNT)
        .claim("nickname", nickname)
        .claim("roles", roles)
        .jwtID(Long.toString(System.nanoTime()))
        .expirationTime(Date.from(Instant.now().plus(Duration.ofHours(1))));
  }

  private static void assertUnauthorized(Response r, String reason) {
    assertEquals(401, r.status(), r.toString());
    assertEquals("unauthorized", r.error(), r.toString());
    assertTrue(r.text("message").contains(reason), r.toString());
    assertEquals("application/json", r.raw().headers().firstValue("Content-Type").orElse(""));
  }
}
