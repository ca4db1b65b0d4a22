/**
 * Authentication, in one place: bearer JWT verification (HS256 over the server's secret,
 * RS256/ES256 against the authentication service's JWKS), the claim checks and claim mapping, the
 * readiness of the published keys, and the server's own tokens. {@link
 * dev.chatcore.adapter.http.auth.JwtTokens} is the entry point; everything JOSE is
 * nimbus-jose-jwt's.
 */
package dev.chatcore.adapter.http.auth;
