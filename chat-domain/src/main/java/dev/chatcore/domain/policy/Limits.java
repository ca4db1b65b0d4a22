package dev.chatcore.domain.policy;

import java.time.Duration;

/**
 * Every configurable limit of the service, with the defaults of the specification. Published in
 * {@code /.well-known}; enforced by the core (sizes of text, context, names) and by the HTTP
 * adapter (request body size).
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
    java.util.Objects.requireNonNull(streams, "streams");
    if (streams.queuedEventsMax() < syncBatchMax) {
      // a stream hands over whole batches: a bound below one would end a client catching up
      throw new IllegalArgumentException("the stream queue bound must hold at least one batch (sync batch max)");
    }
    if (syncTimeoutMin.isNegative() || syncTimeoutMin.compareTo(syncTimeoutMax) > 0) {
      throw new IllegalArgumentException("sync timeout min must be between 0 and max");
    }
    if (syncTimeoutDefault.compareTo(syncTimeoutMin) < 0 || syncTimeoutDefault.compareTo(syncTimeoutMax) > 0) {
      throw new IllegalArgumentException("sync timeout default must lie within [min, max]");
    }
    if (historyLimitDefault > historyLimitMax) {
      throw new IllegalArgumentException("history limit default must not exceed the max");
    }
    if (typingTimeoutDefault.compareTo(typingTimeoutMax) > 0) {
      throw new IllegalArgumentException("typing timeout default must not exceed the max");
    }
    if (globalRoomOverflowCapacity < globalRoomCapacity) {
      throw new IllegalArgumentException("global room overflow capacity must be at least the capacity");
    }
  }

  private static void positive(int value, String name) {
    if (value <= 0) throw new IllegalArgumentException(name + " must be positive");
  }

  /** The defaults of the specification (SPEC §3, §5). */
  public static Limits defaults() {
    return new Limits(
        64 * 1024, 4000, 8 * 1024, 16 * 1024, 64, 32,
        Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(60), 100, 4,
        50, 100,
        Duration.ofSeconds(3), Duration.ofSeconds(30),
        20, 100, 150, 50,
        20, 40, StreamLimits.defaults());
  }

  /** These limits with another minimum sync timeout (tests shorten it to milliseconds). */
  public Limits withSyncTimeoutMin(Duration min) {
    return new Limits(requestBodyMaxBytes, messageTextMaxChars, messageContextMaxBytes, preferencesMaxBytes,
        roomNameMaxChars, reactionKeyMaxChars, syncTimeoutDefault, min, syncTimeoutMax, syncBatchMax,
        heldSyncsPerAccount, historyLimitDefault, historyLimitMax, typingTimeoutDefault, typingTimeoutMax,
        dmMembersMax, globalRoomCapacity, globalRoomOverflowCapacity, privateRoomCapacity, rateLimitPerSecond,
        rateLimitBurst, streams);
  }

  /** These limits with another rate limit. */
  public Limits withRateLimit(int perSecond, int burst) {
    return new Limits(requestBodyMaxBytes, messageTextMaxChars, messageContextMaxBytes, preferencesMaxBytes,
        roomNameMaxChars, reactionKeyMaxChars, syncTimeoutDefault, syncTimeoutMin, syncTimeoutMax, syncBatchMax,
        heldSyncsPerAccount, historyLimitDefault, historyLimitMax, typingTimeoutDefault, typingTimeoutMax,
        dmMembersMax, globalRoomCapacity, globalRoomOverflowCapacity, privateRoomCapacity, perSecond, burst, streams);
  }

  /** These limits with other room capacities. */
  public Limits withRoomCapacities(int global, int globalOverflow, int privateRooms) {
    return new Limits(requestBodyMaxBytes, messageTextMaxChars, messageContextMaxBytes, preferencesMaxBytes,
        roomNameMaxChars, reactionKeyMaxChars, syncTimeoutDefault, syncTimeoutMin, syncTimeoutMax, syncBatchMax,
        heldSyncsPerAccount, historyLimitDefault, historyLimitMax, typingTimeoutDefault, typingTimeoutMax,
        dmMembersMax, global, globalOverflow, privateRooms, rateLimitPerSecond, rateLimitBurst, streams);
  }

  /** These limits with other live-stream limits. */
  public Limits withStreams(StreamLimits streams) {
    return new Limits(requestBodyMaxBytes, messageTextMaxChars, messageContextMaxBytes, preferencesMaxBytes,
        roomNameMaxChars, reactionKeyMaxChars, syncTimeoutDefault, syncTimeoutMin, syncTimeoutMax, syncBatchMax,
        heldSyncsPerAccount, historyLimitDefault, historyLimitMax, typingTimeoutDefault, typingTimeoutMax,
        dmMembersMax, globalRoomCapacity, globalRoomOverflowCapacity, privateRoomCapacity, rateLimitPerSecond,
        rateLimitBurst, streams);
  }

  /** Clamps a requested sync timeout into [min, max]. */
  public Duration clampSyncTimeout(Duration requested) {
    if (requested.compareTo(syncTimeoutMin) < 0) return syncTimeoutMin;
    if (requested.compareTo(syncTimeoutMax) > 0) return syncTimeoutMax;
    return requested;
  }
}
