package dev.chatcore.adapter.http.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetSourceWrapper;
import com.nimbusds.jose.proc.SecurityContext;
import dev.chatcore.application.health.Dependency;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The JWKS fetches, watched: wraps nimbus's URL source and records whether each real fetch worked,
 * for readiness. It sits under nimbus's retry, outage-tolerance, rate-limit and cache layers, so it
 * sees every fetch and nothing else; nimbus's own health reports cannot tell, since its outage
 * layer answers with the cached keys and reports "healthy" through an outage.
 */
final class JwksFetchHealth extends JWKSetSourceWrapper<SecurityContext> implements Dependency {
  /** What the fetches did so far; {@code failingSince} is null while the last fetch worked. */
  private record State(Instant lastSuccess, Instant failingSince, String failure) {}

  private final URL url;
  private final Duration outageTolerance;
  private final Clock clock;
  private final AtomicReference<State> state = new AtomicReference<>(new State(null, null, null));

  /**
   * @param outageTolerance how long nimbus keeps serving the last fetched keys when fetches fail
   */
  JwksFetchHealth(
      JWKSetSource<SecurityContext> fetch, URL url, Duration outageTolerance, Clock clock) {
    super(fetch);
    this.url = url;
    this.outageTolerance = outageTolerance;
    this.clock = clock;
  }

  @Override
  public JWKSet getJWKSet(
      JWKSetCacheRefreshEvaluator evaluator, long currentTime, SecurityContext context)
      throws KeySourceException {
    try {
      JWKSet keys = getSource().getJWKSet(evaluator, currentTime, context);
      Instant now = clock.instant();
      state.set(new State(now, null, null));
      return keys;
    } catch (KeySourceException e) {
      Instant now = clock.instant();
      // nimbus wraps the cause (connection refused, HTTP 503) in a generic "couldn't retrieve"
      // exception
      Throwable cause =
          e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
      String reason = cause.getMessage();
      state.updateAndGet(
          s ->
              new State(
                  s.lastSuccess(), s.failingSince() == null ? now : s.failingSince(), reason));
      throw e;
    }
  }

  /** True while the last fetch failed (or none was tried yet). */
  boolean failing() {
    State s = state.get();
    return s.failingSince() != null || s.lastSuccess() == null;
  }

  @Override
  public Optional<String> problem() {
    State s = state.get();
    if (s.failingSince() == null) {
      return s.lastSuccess() == null
          ? Optional.of("auth_keys: not fetched yet from " + url)
          : Optional.empty();
    }
    String serving;
    if (s.lastSuccess() == null) {
      serving = "no keys yet, so RS256/ES256 tokens cannot be verified";
    } else if (clock.instant().isAfter(s.lastSuccess().plus(outageTolerance))) {
      serving =
          "the keys fetched at "
              + s.lastSuccess()
              + " are too old to use, so RS256/ES256 tokens cannot be verified";
    } else {
      serving = "verifying with the keys fetched at " + s.lastSuccess();
    }
    return Optional.of(
        "auth_keys: cannot fetch "
            + url
            + " since "
            + s.failingSince()
            + " ("
            + s.failure()
            + "); "
            + serving);
  }
}
