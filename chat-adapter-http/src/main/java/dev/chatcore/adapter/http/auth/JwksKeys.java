package dev.chatcore.adapter.http.auth;

import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import dev.chatcore.application.health.Dependency;
import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The authentication service's published keys: nimbus-jose-jwt's JWK source over the JWKS URL,
 * which caches the keys, refreshes them in the background before they expire, fetches again
 * (rate-limited) when a token names an unknown {@code kid}, retries a failed fetch once and keeps
 * serving the last keys through an outage. Nothing here fetches by hand; {@link JwksFetchHealth}
 * only watches the fetches.
 */
final class JwksKeys implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(JwksKeys.class.getName());

  /** Largest JWKS document accepted (nimbus's default). */
  private static final int SIZE_LIMIT = JWKSourceBuilder.DEFAULT_HTTP_SIZE_LIMIT;

  private static final Duration REFRESH_AHEAD = Duration.ofSeconds(30);

  private final JWKSource<SecurityContext> source;
  private final JwksFetchHealth health;

  JwksKeys(AuthSettings.Jwks jwks, Clock clock) {
    int timeoutMs = (int) jwks.timeout().toMillis();
    this.health =
        new JwksFetchHealth(
            new URLBasedJWKSetSource<>(
                jwks.url(), new DefaultResourceRetriever(timeoutMs, timeoutMs, SIZE_LIMIT)),
            jwks.url(),
            jwks.outageTolerance(),
            clock);
    long ttl = jwks.cacheTtl().toMillis();
    // nimbus wants refresh-ahead time + refresh wait <= time to live; a refresh waits for at most
    // two attempts (one retry) of a connect and a read each
    long refreshWait = Math.min(4 * jwks.timeout().toMillis(), ttl / 2);
    long refreshAhead = Math.min(REFRESH_AHEAD.toMillis(), ttl / 4);
    ExecutorService refresher =
        Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("chat-jwks-refresh").factory());
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("chat-jwks-timer").daemon().factory());
    this.source =
        JWKSourceBuilder.create(health)
            .cache(ttl, refreshWait)
            // scheduled: keys are refreshed even while no token asks, so an outage shows in /readyz
            .refreshAheadCache(refreshAhead, null, refresher, true, timer, true)
            .rateLimited(jwks.refreshMinInterval().toMillis())
            .retrying(true)
            .outageTolerant(jwks.outageTolerance().toMillis())
            .build();
  }

  JWKSource<SecurityContext> source() {
    return source;
  }

  /** For {@code /readyz}: degraded while the JWKS cannot be fetched. */
  Dependency health() {
    return health;
  }

  /** True while the last fetch failed or none worked yet. */
  boolean failing() {
    return health.failing();
  }

  /**
   * Fetches the keys now, in the background, so that they are cached before the first token needs
   * them and the scheduled refresh starts. The future completes when the fetch is over, whether it
   * worked or not (a failure is logged and shows in {@link #health()}).
   */
  CompletableFuture<Void> fetch() {
    return CompletableFuture.runAsync(
        () -> {
          try {
            source.get(new JWKSelector(new JWKMatcher.Builder().build()), null);
          } catch (KeySourceException e) {
            LOG.log(
                Level.WARNING, "cannot fetch the authentication service's keys: " + e.getMessage());
          }
        },
        task -> Thread.ofVirtual().name("chat-jwks-fetch").start(task));
  }

  /** Stops the background refresh. */
  @Override
  public void close() {
    if (source instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        LOG.log(Level.FINE, "closing the JWK source", e);
      }
    }
  }
}
