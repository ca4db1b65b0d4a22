package dev.chatcore.domain.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Every configurable limit of the service, with the defaults of the specification. Published in
 * {@code /.well-known}; enforced by the core (sizes of text, context, names) and by the HTTP
 * adapter (request body size). Each limit, its environment variable and what a request beyond it
 * gets: {@code docs/configuration.md}. Built by name with {@link #builder()} or {@link
 * #toBuilder()}.
 */
public record Limits(
    int requestBodyMaxBytes,
    int messageTextMaxChars,
    int messageContextMaxBytes,
    int preferencesMaxBytes,
    int roomNameMaxChars,
    int reactionKeyMaxChars,
    Duration syncTimeoutDefault,
    Duration syncTimeoutMin,
    Duration syncTimeoutMax,
    int syncBatchMax,
    int heldSyncsPerAccount,
    int historyLimitDefault,
    int historyLimitMax,
    Duration typingTimeoutDefault,
    Duration typingTimeoutMax,
    int dmMembersMax,
    int globalRoomCapacity,
    int globalRoomOverflowCapacity,
    int privateRoomCapacity,
    int rateLimitPerSecond,
    int rateLimitBurst,
    StreamLimits streams) {

  public Limits {
    positive(requestBodyMaxBytes, "requestBodyMaxBytes");
    positive(messageTextMaxChars, "messageTextMaxChars");
    positive(messageContextMaxBytes, "messageContextMaxBytes");
    positive(preferencesMaxBytes, "preferencesMaxBytes");
    positive(roomNameMaxChars, "roomNameMaxChars");
    positive(reactionKeyMaxChars, "reactionKeyMaxChars");
    positive(syncBatchMax, "syncBatchMax");
    positive(heldSyncsPerAccount, "heldSyncsPerAccount");
    positive(historyLimitDefault, "historyLimitDefault");
    positive(historyLimitMax, "historyLimitMax");
    positive(dmMembersMax, "dmMembersMax");
    positive(globalRoomCapacity, "globalRoomCapacity");
    positive(privateRoomCapacity, "privateRoomCapacity");
    positive(rateLimitPerSecond, "rateLimitPerSecond");
    positive(rateLimitBurst, "rateLimitBurst");
    Objects.requireNonNull(streams, "streams");
    if (streams.queuedEventsMax() < syncBatchMax) {
      // a stream hands over whole batches: a bound below one would end a client catching up
      throw new IllegalArgumentException(
          "the stream queue bound must hold at least one batch (sync batch max)");
    }
    if (syncTimeoutMin.isNegative() || syncTimeoutMin.compareTo(syncTimeoutMax) > 0) {
      throw new IllegalArgumentException("sync timeout min must be between 0 and max");
    }
    if (syncTimeoutDefault.compareTo(syncTimeoutMin) < 0
        || syncTimeoutDefault.compareTo(syncTimeoutMax) > 0) {
      throw new IllegalArgumentException("sync timeout default must lie within [min, max]");
    }
    if (historyLimitDefault > historyLimitMax) {
      throw new IllegalArgumentException("history limit default must not exceed the max");
    }
    if (typingTimeoutDefault.compareTo(typingTimeoutMax) > 0) {
      throw new IllegalArgumentException("typing timeout default must not exceed the max");
    }
    if (globalRoomOverflowCapacity < globalRoomCapacity) {
      throw new IllegalArgumentException(
          "global room overflow capacity must be at least the capacity");
    }
  }

  private static void positive(int value, String name) {
    if (value <= 0) throw new IllegalArgumentException(name + " must be positive");
  }

  /** The defaults of the specification (SPEC §3, §5). */
  public static Limits defaults() {
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

  /** These limits with another minimum sync timeout (tests shorten it to milliseconds). */
  public Limits withSyncTimeoutMin(Duration min) {
    return toBuilder().syncTimeoutMin(min).build();
  }

  /** These limits with another rate limit. */
  public Limits withRateLimit(int perSecond, int burst) {
    return toBuilder().rateLimitPerSecond(perSecond).rateLimitBurst(burst).build();
  }

  /** These limits with other room capacities. */
  public Limits withRoomCapacities(int global, int globalOverflow, int privateRooms) {
    return toBuilder()
        .globalRoomCapacity(global)
        .globalRoomOverflowCapacity(globalOverflow)
        .privateRoomCapacity(privateRooms)
        .build();
  }

  /** These limits with other live-stream limits. */
  public Limits withStreams(StreamLimits streams) {
    return toBuilder().streams(streams).build();
  }

  /**
   * Limits by name rather than by position: each setter sets the component of the same name, and
   * {@link #build()} checks them together in the record's constructor (an overflow capacity below
   * the capacity, say, is refused there whatever order the setters ran in). Starts from the
   * defaults, whose values are here.
   */
  public static final class Builder {
    private int requestBodyMaxBytes = 64 * 1024;
    private int messageTextMaxChars = 4000;
    private int messageContextMaxBytes = 8 * 1024;
    private int preferencesMaxBytes = 16 * 1024;
    private int roomNameMaxChars = 64;
    private int reactionKeyMaxChars = 32;
    private Duration syncTimeoutDefault = Duration.ofSeconds(30);
    private Duration syncTimeoutMin = Duration.ofSeconds(1);
    private Duration syncTimeoutMax = Duration.ofSeconds(60);
    private int syncBatchMax = 100;
    private int heldSyncsPerAccount = 4;
    private int historyLimitDefault = 50;
    private int historyLimitMax = 100;
    private Duration typingTimeoutDefault = Duration.ofSeconds(3);
    private Duration typingTimeoutMax = Duration.ofSeconds(30);
    private int dmMembersMax = 20;
    private int globalRoomCapacity = 100;
    private int globalRoomOverflowCapacity = 150;
    private int privateRoomCapacity = 50;
    private int rateLimitPerSecond = 20;
    private int rateLimitBurst = 40;
    private StreamLimits streams = StreamLimits.defaults();

    private Builder() {}

    private Builder(Limits from) {
      requestBodyMaxBytes = from.requestBodyMaxBytes;
      messageTextMaxChars = from.messageTextMaxChars;
      messageContextMaxBytes = from.messageContextMaxBytes;
      preferencesMaxBytes = from.preferencesMaxBytes;
      roomNameMaxChars = from.roomNameMaxChars;
      reactionKeyMaxChars = from.reactionKeyMaxChars;
      syncTimeoutDefault = from.syncTimeoutDefault;
      syncTimeoutMin = from.syncTimeoutMin;
      syncTimeoutMax = from.syncTimeoutMax;
      syncBatchMax = from.syncBatchMax;
      heldSyncsPerAccount = from.heldSyncsPerAccount;
      historyLimitDefault = from.historyLimitDefault;
      historyLimitMax = from.historyLimitMax;
      typingTimeoutDefault = from.typingTimeoutDefault;
      typingTimeoutMax = from.typingTimeoutMax;
      dmMembersMax = from.dmMembersMax;
      globalRoomCapacity = from.globalRoomCapacity;
      globalRoomOverflowCapacity = from.globalRoomOverflowCapacity;
      privateRoomCapacity = from.privateRoomCapacity;
      rateLimitPerSecond = from.rateLimitPerSecond;
      rateLimitBurst = from.rateLimitBurst;
      streams = from.streams;
    }

    public Builder requestBodyMaxBytes(int requestBodyMaxBytes) {
      this.requestBodyMaxBytes = requestBodyMaxBytes;
      return this;
    }

    public Builder messageTextMaxChars(int messageTextMaxChars) {
      this.messageTextMaxChars = messageTextMaxChars;
      return this;
    }

    public Builder messageContextMaxBytes(int messageContextMaxBytes) {
      this.messageContextMaxBytes = messageContextMaxBytes;
      return this;
    }

    public Builder preferencesMaxBytes(int preferencesMaxBytes) {
      this.preferencesMaxBytes = preferencesMaxBytes;
      return this;
    }

    public Builder roomNameMaxChars(int roomNameMaxChars) {
      this.roomNameMaxChars = roomNameMaxChars;
      return this;
    }

    public Builder reactionKeyMaxChars(int reactionKeyMaxChars) {
      this.reactionKeyMaxChars = reactionKeyMaxChars;
      return this;
    }

    public Builder syncTimeoutDefault(Duration syncTimeoutDefault) {
      this.syncTimeoutDefault = syncTimeoutDefault;
      return this;
    }

    public Builder syncTimeoutMin(Duration syncTimeoutMin) {
      this.syncTimeoutMin = syncTimeoutMin;
      return this;
    }

    public Builder syncTimeoutMax(Duration syncTimeoutMax) {
      this.syncTimeoutMax = syncTimeoutMax;
      return this;
    }

    public Builder syncBatchMax(int syncBatchMax) {
      this.syncBatchMax = syncBatchMax;
      return this;
    }

    public Builder heldSyncsPerAccount(int heldSyncsPerAccount) {
      this.heldSyncsPerAccount = heldSyncsPerAccount;
      return this;
    }

    public Builder historyLimitDefault(int historyLimitDefault) {
      this.historyLimitDefault = historyLimitDefault;
      return this;
    }

    public Builder historyLimitMax(int historyLimitMax) {
      this.historyLimitMax = historyLimitMax;
      return this;
    }

    public Builder typingTimeoutDefault(Duration typingTimeoutDefault) {
      this.typingTimeoutDefault = typingTimeoutDefault;
      return this;
    }

    public Builder typingTimeoutMax(Duration typingTimeoutMax) {
      this.typingTimeoutMax = typingTimeoutMax;
      return this;
    }

    public Builder dmMembersMax(int dmMembersMax) {
      this.dmMembersMax = dmMembersMax;
      return this;
    }

    public Builder globalRoomCapacity(int globalRoomCapacity) {
      this.globalRoomCapacity = globalRoomCapacity;
      return this;
    }

    public Builder globalRoomOverflowCapacity(int globalRoomOverflowCapacity) {
      this.globalRoomOverflowCapacity = globalRoomOverflowCapacity;
      return this;
    }

    public Builder privateRoomCapacity(int privateRoomCapacity) {
      this.privateRoomCapacity = privateRoomCapacity;
      return this;
    }

    public Builder rateLimitPerSecond(int rateLimitPerSecond) {
      this.rateLimitPerSecond = rateLimitPerSecond;
      return this;
    }

    public Builder rateLimitBurst(int rateLimitBurst) {
      this.rateLimitBurst = rateLimitBurst;
      return this;
    }

    public Builder streams(StreamLimits streams) {
      this.streams = streams;
      return this;
    }

    /**
     * The limits set so far.
     *
     * @throws IllegalArgumentException when a limit is out of range or two contradict each other
     */
    public Limits build() {
      return new Limits(
          requestBodyMaxBytes,
          messageTextMaxChars,
          messageContextMaxBytes,
          preferencesMaxBytes,
          roomNameMaxChars,
          reactionKeyMaxChars,
          syncTimeoutDefault,
          syncTimeoutMin,
          syncTimeoutMax,
          syncBatchMax,
          heldSyncsPerAccount,
          historyLimitDefault,
          historyLimitMax,
          typingTimeoutDefault,
          typingTimeoutMax,
          dmMembersMax,
          globalRoomCapacity,
          globalRoomOverflowCapacity,
          privateRoomCapacity,
          rateLimitPerSecond,
          rateLimitBurst,
          streams);
    }
  }

  /** Clamps a requested sync timeout into [min, max]. */
  public Duration clampSyncTimeout(Duration requested) {
    if (requested.compareTo(syncTimeoutMin) < 0) return syncTimeoutMin;
    if (requested.compareTo(syncTimeoutMax) > 0) return syncTimeoutMax;
    return requested;
  }
}
