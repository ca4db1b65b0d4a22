package dev.chatcore.adapter.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every refusal is JSON {@code {"error","message"}} with the right status (SPEC §2). */
class ErrorModelTest {
  static HttpTestServer server;

  @BeforeAll
  static void start() {
    server = HttpTestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static void assertError(HttpTestServer.Response r, int status, String error) {
    assertEquals(status, r.status(), r.raw().body());
    assertEquals(error, r.text("error"), r.raw().body());
    assertTrue(
        r.json().path("message").isTextual() && !r.text("message").isBlank(), r.raw().body());
    assertEquals("application/json", r.raw().headers().firstValue("Content-Type").orElse(""));
  }

  @Test
  void unknownRouteIs404() {
    assertError(server.get("/v2/nothing", null), 404, "not_found");
  }

  @Test
  void aDrainingServerAnswersNewRequests503() throws Exception {
    try (HttpTestServer draining = HttpTestServer.start()) {
      assertTrue(draining.api().drain(Duration.ZERO), "nothing in flight");
      HttpTestServer.Response r = draining.get("/healthz", null);
      assertError(r, 503, "unavailable");
      assertEquals(
          "{\"error\":\"unavailable\",\"message\":\"server is shutting down\"}", r.raw().body());
    }
  }

  @Test
  void wrongMethodIs405() {
    assertError(server.method("PUT", "/healthz", null, null, null), 405, "method_not_allowed");
  }

  @Test
  void nonJsonBodyIs415() {
    assertError(
        server.method("POST", "/v1/rooms", server.token(true), "text/plain", "{\"name\":\"x\"}"),
        415,
        "unsupported_media_type");
  }

  @Test
  void bodyOverTheLimitIs413() {
    String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
    assertError(server.post("/v1/rooms", server.token(true), big), 413, "payload_too_large");
  }

  @Test
  void malformedJsonIs400() {
    assertError(server.post("/v1/rooms", server.token(true), "{\"name\":"), 400, "bad_request");
    assertError(server.post("/v1/rooms", server.token(true), "[1,2]"), 400, "bad_request");
  }

  @Test
  void wrongTypeIsA400NamingTheField() {
    HttpTestServer.Response r = server.post("/v1/rooms", server.token(true), "{\"name\":5}");
    assertError(r, 400, "bad_request");
    assertTrue(r.text("message").contains("name"), r.text("message"));
  }

  @Test
  void missingTokenIs401() {
    assertError(server.get("/v1/rooms", null), 401, "unauthorized");
    assertError(server.method("GET", "/v1/rooms", null, null, null), 401, "unauthorized");
  }

  @Test
  void malformedTokenIs401() {
    assertError(server.get("/v1/rooms", "not.a.jwt"), 401, "unauthorized");
    assertError(server.get("/v1/rooms", "garbage"), 401, "unauthorized");
  }

  @Test
  void badlySignedTokenIs401() throws Exception {
    String other = sign("another-secret-another-secret-another-1", claims(3600).build());
    assertError(server.get("/v1/rooms", other), 401, "unauthorized");
  }

  @Test
  void unsignedAlgNoneTokenIs401() {
    String none = new PlainJWT(claims(3600).build()).serialize();
    assertError(server.get("/v1/rooms", none), 401, "unauthorized");
    // a hand-made "alg":"none" header on a token that looks signed
    String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    String payload =
        b64(
            "{\"sub\":\"0123456789abcdef01234567\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 3600)
                + "}");
    assertError(server.get("/v1/rooms", header + "." + payload + "."), 401, "unauthorized");
  }

  @Test
  void expiredTokenIs401() throws Exception {
    assertError(
        server.get("/v1/rooms", sign(HttpTestServer.SECRET, claims(-10).build())),
        401,
        "unauthorized");
  }

  @Test
  void tokenNotValidYetIs401LikeAnExpiredOne() throws Exception {
    JWTClaimsSet future =
        claims(3600).notBeforeTime(new Date(System.currentTimeMillis() + 600_000)).build();
    assertError(server.get("/v1/rooms", sign(HttpTestServer.SECRET, future)), 401, "unauthorized");
    JWTClaimsSet past =
        claims(3600).notBeforeTime(new Date(System.currentTimeMillis() - 600_000)).build();
    assertEquals(200, server.get("/v1/rooms", sign(HttpTestServer.SECRET, past)).status());
  }

  @Test
  void tokenWithoutExpOrWithBadClaimsIs401() throws Exception {
    JWTClaimsSet noExp = new JWTClaimsSet.Builder().subject("0123456789abcdef01234567").build();
    assertError(server.get("/v1/rooms", sign(HttpTestServer.SECRET, noExp)), 401, "unauthorized");
    JWTClaimsSet badSub = claims(3600).subject("player-1").build();
    assertError(server.get("/v1/rooms", sign(HttpTestServer.SECRET, badSub)), 401, "unauthorized");
    JWTClaimsSet badAdmin = claims(3600).claim("admin", "yes").build();
    assertError(
        server.get("/v1/rooms", sign(HttpTestServer.SECRET, badAdmin)), 401, "unauthorized");
  }

  @Test
  void validTokenWithAdminClaimIsAccepted() throws Exception {
    JWTClaimsSet admin = claims(3600).claim("admin", true).claim("name", "Root").build();
    HttpTestServer.Response me = server.get("/v1/me", sign(HttpTestServer.SECRET, admin));
    assertEquals(200, me.status());
    assertEquals(
        Map.of("user_id", "0123456789abcdef01234567", "display_name", "Root", "admin", true),
        Json.mapper().convertValue(me.json(), Map.class));
  }

  @Test
  void playerOnAdminEndpointIs403() {
    assertError(
        server.post("/v1/rooms", server.token(false), "{\"name\":\"x\"}"), 403, "forbidden");
    assertError(server.post("/v1/invites", server.token(false), "{}"), 403, "forbidden");
  }

  private static JWTClaimsSet.Builder claims(long expiresInSeconds) {
    return new JWTClaimsSet.Builder()
        .subject("0123456789abcdef01234567")
        .expirationTime(new Date(System.currentTimeMillis() + expiresInSeconds * 1000));
  }

  private static String sign(String secret, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
    jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
    return jwt.serialize();
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
