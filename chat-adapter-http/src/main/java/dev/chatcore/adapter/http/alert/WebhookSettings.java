package dev.chatcore.adapter.http.alert;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * Where report alerts are POSTed and how hard the server tries.
 *
 * @param url the receiver ({@code http} or {@code https})
 * @param secret the HMAC-SHA256 key of the signature header, as UTF-8 bytes
 * @param queueCapacity most alerts held at once, waiting, in flight or waiting for a retry; an
 *     alert that finds it full is dropped (and counted, and logged)
 * @param timeout connect and response timeout of one attempt
 * @param firstRetry the wait before the first retry; each retry waits twice as long as the one
 *     before, up to {@code maxRetry}
 * @param giveUpAfter how long an alert is retried before it is dropped (logged)
 */
public record WebhookSettings(
    URI url,
    String secret,
    int queueCapacity,
    Duration timeout,
    Duration firstRetry,
    Duration maxRetry,
    Duration giveUpAfter) {
  public static final int DEFAULT_QUEUE = 1000;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration DEFAULT_FIRST_RETRY = Duration.ofSeconds(1);
  public static final Duration DEFAULT_MAX_RETRY = Duration.ofMinutes(5);
  public static final Duration DEFAULT_GIVE_UP = Duration.ofHours(24);

  /** In-flight attempts at once: enough for a slow receiver, few enough not to flood it. */
  static final int IN_FLIGHT = 4;

  public WebhookSettings {
    Objects.requireNonNull(url, "url");
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new IllegalArgumentException("secret must be at least 32 bytes");
    }
    if (queueCapacity < 1) throw new IllegalArgumentException("queueCapacity must be positive");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(firstRetry, "firstRetry");
    Objects.requireNonNull(maxRetry, "maxRetry");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
  }

  /** The defaults for {@code url} and {@code secret}. */
  public static WebhookSettings of(URI url, String secret) {
    return new WebhookSettings(
        url,
        secret,
        DEFAULT_QUEUE,
        DEFAULT_TIMEOUT,
        DEFAULT_FIRST_RETRY,
        DEFAULT_MAX_RETRY,
        DEFAULT_GIVE_UP);
  }

  public WebhookSettings withQueueCapacity(int capacity) {
    return new WebhookSettings(url, secret, capacity, timeout, firstRetry, maxRetry, giveUpAfter);
  }

  public WebhookSettings withTimeout(Duration attemptTimeout) {
    return new WebhookSettings(
        url, secret, queueCapacity, attemptTimeout, firstRetry, maxRetry, giveUpAfter);
  }

  /** Retries from {@code first}, doubling up to {@code max}, for {@code giveUp} in all. */
  public WebhookSettings withRetries(Duration first, Duration max, Duration giveUp) {
    return new WebhookSettings(url, secret, queueCapacity, timeout, first, max, giveUp);
  }

  /** The wait before retry number {@code retry} (1 for the first). */
  Duration backoff(int retry) {
    Duration wait = firstRetry;
    for (int i = 1; i < retry && wait.compareTo(maxRetry) < 0; i++) wait = wait.multipliedBy(2);
    return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
  }

  @Override
  public String toString() {
    return "WebhookSettings[url="
        + url
        + ", secret=***, queueCapacity="
        + queueCapacity
        + ", timeout="
        + timeout
        + ", firstRetry="
        + firstRetry
        + ", maxRetry="
        + maxRetry
        + ", giveUpAfter="
        + giveUpAfter
        + "]";
  }
}
