package dev.chatcore.domain.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits of live streams (SSE, WebSocket, an embedder's subscription), published in {@code
 * /.well-known} with the others.
 *
 * @param perAccount open streams one account may hold; opening one more ends its oldest
 * @param heartbeat how long a stream may stay silent before a keep-alive is sent
 * @param lifetime how long a stream lives at most; the client then resumes from its last id
 * @param queuedEventsMax events delivered to a stream but not yet written to its client; past this
 *     the stream is ended rather than buffered further
 * @param queuedBytesMax the same bound in encoded bytes
 * @param ticketLifetime how long a stream ticket ({@code POST /v1/stream-tickets}) may be used
 */
public record StreamLimits(
    int perAccount,
    Duration heartbeat,
    Duration lifetime,
    int queuedEventsMax,
    long queuedBytesMax,
    Duration ticketLifetime) {
  public StreamLimits {
    if (perAccount < 1) throw new IllegalArgumentException("perAccount must be positive");
    if (queuedEventsMax < 1) throw new IllegalArgumentException("queuedEventsMax must be positive");
    if (queuedBytesMax < 1) throw new IllegalArgumentException("queuedBytesMax must be positive");
    positive(heartbeat, "heartbeat");
    positive(lifetime, "lifetime");
    positive(ticketLifetime, "ticketLifetime");
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero())
      throw new IllegalArgumentException(name + " must be positive");
  }

  /**
   * The defaults: 5 streams per account, a keep-alive after 15 s of silence, 30 minutes of life, at
   * most 10,000 events or 1 MiB waiting for a client, tickets usable for 30 s.
   */
  public static StreamLimits defaults() {
    return builder().build();
  }

  /** A builder that starts from the {@link #defaults()}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these limits. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** These limits with another heartbeat interval and lifetime (tests shorten them). */
  public StreamLimits withTimes(Duration heartbeat, Duration lifetime) {
    return toBuilder().heartbeat(heartbeat).lifetime(lifetime).build();
  }

  /** These limits with other bounds on what may wait for a slow client. */
  public StreamLimits withQueueMax(int events, long bytes) {
    return toBuilder().queuedEventsMax(events).queuedBytesMax(bytes).build();
  }

  /** These limits with another number of streams per account. */
  public StreamLimits withPerAccount(int perAccount) {
    return toBuilder().perAccount(perAccount).build();
  }

  /** These limits with another ticket lifetime. */
  public StreamLimits withTicketLifetime(Duration ticketLifetime) {
    return toBuilder().ticketLifetime(ticketLifetime).build();
  }

  /**
   * Stream limits by name rather than by position (three of them are durations): each setter sets
   * the component of the same name; {@link #build()} checks them in the record's constructor.
   * Starts from the defaults, whose values are here.
   */
  public static final class Builder {
    private int perAccount = 5;
    private Duration heartbeat = Duration.ofSeconds(15);
    private Duration lifetime = Duration.ofMinutes(30);
    private int queuedEventsMax = 10_000;
    private long queuedBytesMax = 1 << 20;
    private Duration ticketLifetime = Duration.ofSeconds(30);

    private Builder() {}

    private Builder(StreamLimits from) {
      perAccount = from.perAccount;
      heartbeat = from.heartbeat;
      lifetime = from.lifetime;
      queuedEventsMax = from.queuedEventsMax;
      queuedBytesMax = from.queuedBytesMax;
      ticketLifetime = from.ticketLifetime;
    }

    public Builder perAccount(int perAccount) {
      this.perAccount = perAccount;
      return this;
    }

    public Builder heartbeat(Duration heartbeat) {
      this.heartbeat = heartbeat;
      return this;
    }

    public Builder lifetime(Duration lifetime) {
      this.lifetime = lifetime;
      return this;
    }

    public Builder queuedEventsMax(int queuedEventsMax) {
      this.queuedEventsMax = queuedEventsMax;
      return this;
    }

    public Builder queuedBytesMax(long queuedBytesMax) {
      this.queuedBytesMax = queuedBytesMax;
      return this;
    }

    public Builder ticketLifetime(Duration ticketLifetime) {
      this.ticketLifetime = ticketLifetime;
      return this;
    }

    /**
     * The stream limits set so far.
     *
     * @throws IllegalArgumentException when a limit is not positive
     */
    public StreamLimits build() {
      return new StreamLimits(
          perAccount, heartbeat, lifetime, queuedEventsMax, queuedBytesMax, ticketLifetime);
    }
  }
}
