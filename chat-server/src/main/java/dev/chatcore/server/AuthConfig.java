package dev.chatcore.server;

import dev.chatcore.adapter.http.auth.AuthSettings;
import dev.chatcore.adapter.http.auth.ClaimMapping;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How bearer tokens are verified besides {@code CHAT_AUTH_SECRET}: the authentication service's
 * published keys, the issuer and audience every token must name, and which claims carry the account
 * id, display name and admin flag.
 *
 * @param jwks {@code CHAT_AUTH_JWKS_URL} and its timings; empty for HS256 only
 * @param issuer {@code CHAT_AUTH_ISSUER}
 * @param audience {@code CHAT_AUTH_AUDIENCE}
 * @param claims {@code CHAT_AUTH_CLAIM_SUB}, {@code CHAT_AUTH_CLAIM_NAME}, {@code
 *     CHAT_AUTH_CLAIM_ADMIN}
 * @param clockSkew {@code CHAT_AUTH_CLOCK_SKEW_S}
 */
public record AuthConfig(
    Optional<AuthSettings.Jwks> jwks,
    Optional<String> issuer,
    Optional<String> audience,
    ClaimMapping claims,
    Duration clockSkew) {

  static AuthConfig fromEnvironment(ServerConfig.Reader r) {
    Optional<String> url = r.optional("CHAT_AUTH_JWKS_URL");
    int cacheS =
        r.integer(
            "CHAT_AUTH_JWKS_CACHE_S", seconds(AuthSettings.Jwks.DEFAULT_CACHE_TTL), 60, 86_400);
    int refreshS =
        r.integer(
            "CHAT_AUTH_JWKS_REFRESH_MIN_S",
            Math.min(seconds(AuthSettings.Jwks.DEFAULT_REFRESH_MIN_INTERVAL), cacheS - 1),
            1,
            cacheS - 1);
    int outageS =
        r.integer(
            "CHAT_AUTH_JWKS_OUTAGE_S",
            Math.max(seconds(AuthSettings.Jwks.DEFAULT_OUTAGE_TOLERANCE), cacheS),
            cacheS,
            30 * 86_400);
    int timeoutMs =
        r.integer(
            "CHAT_AUTH_JWKS_TIMEOUT_MS",
            (int) AuthSettings.Jwks.DEFAULT_TIMEOUT.toMillis(),
            100,
            30_000);
    Optional<AuthSettings.Jwks> jwks =
        url.map(
            u ->
                new AuthSettings.Jwks(
                    jwksUrl(u),
                    Duration.ofSeconds(cacheS),
                    Duration.ofSeconds(refreshS),
                    Duration.ofSeconds(outageS),
                    Duration.ofMillis(timeoutMs)));
    ClaimMapping claims = claims(r);
    Duration skew = Duration.ofSeconds(r.integer("CHAT_AUTH_CLOCK_SKEW_S", 0, 0, 300));
    return new AuthConfig(
        jwks, r.optional("CHAT_AUTH_ISSUER"), r.optional("CHAT_AUTH_AUDIENCE"), claims, skew);
  }

  /** What the HTTP adapter verifies and signs with. */
  public AuthSettings settings(String secret) {
    AuthSettings signing = signing(secret);
    return jwks.map(signing::withJwks).orElse(signing);
  }

  /** What signing a token needs (the {@code token} command): no published keys to fetch. */
  AuthSettings signing(String secret) {
    return new AuthSettings(secret, Optional.empty(), issuer, audience, claims, clockSkew);
  }

  private static ClaimMapping claims(ServerConfig.Reader r) {
    String account = r.string("CHAT_AUTH_CLAIM_SUB", "sub");
    String name = r.string("CHAT_AUTH_CLAIM_NAME", "name");
    String adminSpec = r.string("CHAT_AUTH_CLAIM_ADMIN", "admin");
    ClaimMapping.AdminClaim admin;
    try {
      admin = ClaimMapping.AdminClaim.parse(adminSpec);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "CHAT_AUTH_CLAIM_ADMIN",
          "a boolean claim's name, or claim:role for a role in an array claim (got \""
              + adminSpec
              + "\")");
    }
    if (name.equals(account)) {
      throw new ConfigException(
          "CHAT_AUTH_CLAIM_NAME", "a claim other than the account id's (got \"" + name + "\")");
    }
    if (admin.claim().equals(account) || admin.claim().equals(name)) {
      throw new ConfigException(
          "CHAT_AUTH_CLAIM_ADMIN",
          "a claim other than the account id's and the name's (got \"" + adminSpec + "\")");
    }
    return new ClaimMapping(account, name, admin);
  }

  private static URL jwksUrl(String value) {
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null)
        return uri.toURL();
    } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
      // fall through to the one error below
    }
    throw new ConfigException(
        "CHAT_AUTH_JWKS_URL",
        "an http(s) URL of the authentication service's JWKS, e.g. https://auth.example/.well-known/jwks.json (got \""
            + value
            + "\")");
  }

  private static int seconds(Duration d) {
    return (int) d.toSeconds();
  }
}
