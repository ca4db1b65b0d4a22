package dev.chatcore.server;

import dev.chatcore.application.globalroom.SweepIdlePlayers;
import dev.chatcore.application.retention.Janitor;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.StreamLimits;
import dev.chatcore.server.logging.LogFormat;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The server's configuration, read once from environment variables and validated: a bad value is a
 * {@link ConfigException} naming the variable. Every variable and its default is listed in {@code
 * docs/configuration.md}.
 *
 * @param authSecret empty when {@code CHAT_AUTH_SECRET} is unset (then the server makes one)
 * @param tokenTtl lifetime of tokens the server issues
 * @param mongo where MongoDB is, present exactly when {@code storage} is {@code MONGODB}
 * @param janitorInterval time between janitor runs ({@code CHAT_JANITOR_INTERVAL_S}); it also runs
 *     once at start
 * @param janitorBatch most deletions per storage call of the janitor ({@code CHAT_JANITOR_BATCH})
 * @param auth how tokens are verified besides the secret ({@code CHAT_AUTH_*}: published keys,
 *     issuer, audience, claim names)
 * @param logging the log format and the access log ({@code CHAT_LOG_FORMAT}, {@code
 *     CHAT_ACCESS_LOG})
 * @param globalIdleTimeout a player idle this long leaves its global room ({@code
 *     CHAT_GLOBAL_IDLE_TIMEOUT_S})
 * @param requestParseTimeout a request whose head or body has not fully arrived this long after it
 *     began is closed ({@code CHAT_REQUEST_PARSE_TIMEOUT_MS})
 * @param management the metrics listener; empty (no metrics at all) unless {@code
 *     CHAT_MANAGEMENT_PORT} is set
 * @param moderation the content filter's word list and the report alert webhook ({@code
 *     CHAT_FILTER_*}, {@code CHAT_REPORT_*})
 */
public record ServerConfig(
    String host,
    int port,
    StorageKind storage,
    Optional<String> authSecret,
    Duration tokenTtl,
    Limits limits,
    Optional<MongoConfig> mongo,
    Duration janitorInterval,
    int janitorBatch,
    AuthConfig auth,
    LogConfig logging,
    Duration globalIdleTimeout,
    Duration requestParseTimeout,
    Optional<ManagementConfig> management,
    ModerationConfig moderation) {
  public static final Duration JANITOR_INTERVAL_DEFAULT = Duration.ofMinutes(30);
  public static final Duration REQUEST_PARSE_TIMEOUT_DEFAULT = Duration.ofSeconds(20);

  /** Reads and validates the configuration. */
  public static ServerConfig fromEnvironment(Map<String, String> env) {
    Reader r = new Reader(env);
    String host = r.string("CHAT_HOST", "127.0.0.1");
    int port = r.integer("CHAT_PORT", 8080, 0, 65535);
    StorageKind storage = storage(r);
    Optional<String> secret = r.optional("CHAT_AUTH_SECRET");
    if (secret.isPresent() && secret.get().getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new ConfigException("CHAT_AUTH_SECRET", "at least 32 bytes");
    }
    Optional<MongoConfig> mongo =
        storage == StorageKind.MONGODB ? Optional.of(mongo(r, secret)) : Optional.empty();
    Duration tokenTtl =
        Duration.ofSeconds(r.integer("CHAT_TOKEN_TTL_S", 30 * 24 * 3600, 60, 365 * 24 * 3600));
    Limits limits = limits(r);
    Duration janitorInterval =
        Duration.ofSeconds(
            r.integer(
                "CHAT_JANITOR_INTERVAL_S",
                (int) JANITOR_INTERVAL_DEFAULT.toSeconds(),
                1,
                7 * 24 * 3600));
    int janitorBatch = r.integer("CHAT_JANITOR_BATCH", Janitor.DEFAULT_BATCH, 1, 100_000);
    AuthConfig auth = AuthConfig.fromEnvironment(r);
    Duration globalIdleTimeout =
        Duration.ofSeconds(
            r.integer(
                "CHAT_GLOBAL_IDLE_TIMEOUT_S",
                (int) SweepIdlePlayers.DEFAULT_IDLE_AFTER.toSeconds(),
                10,
                7 * 24 * 3600));
    Duration parseTimeout =
        Duration.ofMillis(
            r.integer(
                "CHAT_REQUEST_PARSE_TIMEOUT_MS", ms(REQUEST_PARSE_TIMEOUT_DEFAULT), 100, 600_000));
    return new ServerConfig(
        host,
        port,
        storage,
        secret,
        tokenTtl,
        limits,
        mongo,
        janitorInterval,
        janitorBatch,
        auth,
        logging(r),
        globalIdleTimeout,
        parseTimeout,
        management(r, host, port),
        ModerationConfig.fromEnvironment(r));
  }

  private static StorageKind storage(Reader r) {
    return switch (r.string("CHAT_STORAGE", "memory")) {
      case "memory" -> StorageKind.MEMORY;
      case "mongodb" -> StorageKind.MONGODB;
      default ->
          throw new ConfigException(
              "CHAT_STORAGE", "memory or mongodb (got \"" + r.string("CHAT_STORAGE", "") + "\")");
    };
  }

  /** MongoDB's settings; a stored secret is required, since a generated one dies with the node. */
  private static MongoConfig mongo(Reader r, Optional<String> secret) {
    if (secret.isEmpty()) {
      throw new ConfigException(
          "CHAT_AUTH_SECRET",
          "a secret of at least 32 bytes with CHAT_STORAGE=mongodb (a generated one would not survive a restart)");
    }
    return MongoConfig.fromEnvironment(
        r::optional,
        r.integer(
            "CHAT_MONGO_TIMEOUT_MS", (int) MongoConfig.DEFAULT_TIMEOUT.toMillis(), 100, 120_000));
  }

  /** The request, message, sync, room and rate limits ({@code CHAT_*_MAX…}), each bounded. */
  private static Limits limits(Reader r) {
    Limits d = Limits.defaults();
    int syncMin = r.integer("CHAT_SYNC_TIMEOUT_MIN_MS", ms(d.syncTimeoutMin()), 0, 3_600_000);
    int syncMax =
        r.integer(
            "CHAT_SYNC_TIMEOUT_MAX_MS", ms(d.syncTimeoutMax()), Math.max(1, syncMin), 3_600_000);
    int syncDefault =
        r.integer("CHAT_SYNC_TIMEOUT_DEFAULT_MS", ms(d.syncTimeoutDefault()), syncMin, syncMax);
    int historyMax = r.integer("CHAT_HISTORY_LIMIT_MAX", d.historyLimitMax(), 1, 10_000);
    int typingMax = r.integer("CHAT_TYPING_TIMEOUT_MAX_MS", ms(d.typingTimeoutMax()), 1, 3_600_000);
    int globalCapacity = r.integer("CHAT_GLOBAL_ROOM_CAPACITY", d.globalRoomCapacity(), 1, 100_000);
    int syncBatchMax = r.integer("CHAT_SYNC_BATCH_MAX", d.syncBatchMax(), 1, 10_000);
    return Limits.builder()
        .requestBodyMaxBytes(
            r.integer(
                "CHAT_REQUEST_BODY_MAX_BYTES", d.requestBodyMaxBytes(), 1024, 64 * 1024 * 1024))
        .messageTextMaxChars(
            r.integer("CHAT_MESSAGE_TEXT_MAX_CHARS", d.messageTextMaxChars(), 1, 1_000_000))
        .messageContextMaxBytes(
            r.integer(
                "CHAT_MESSAGE_CONTEXT_MAX_BYTES", d.messageContextMaxBytes(), 2, 16 * 1024 * 1024))
        .preferencesMaxBytes(
            r.integer("CHAT_PREFERENCES_MAX_BYTES", d.preferencesMaxBytes(), 2, 16 * 1024 * 1024))
        .roomNameMaxChars(r.integer("CHAT_ROOM_NAME_MAX_CHARS", d.roomNameMaxChars(), 1, 1024))
        .reactionKeyMaxChars(
            r.integer("CHAT_REACTION_KEY_MAX_CHARS", d.reactionKeyMaxChars(), 1, 1024))
        .syncTimeoutDefault(Duration.ofMillis(syncDefault))
        .syncTimeoutMin(Duration.ofMillis(syncMin))
        .syncTimeoutMax(Duration.ofMillis(syncMax))
        .syncBatchMax(syncBatchMax)
        .heldSyncsPerAccount(
            r.integer("CHAT_SYNC_HELD_PER_ACCOUNT", d.heldSyncsPerAccount(), 1, 1000))
        .historyLimitDefault(
            r.integer("CHAT_HISTORY_LIMIT_DEFAULT", d.historyLimitDefault(), 1, historyMax))
        .historyLimitMax(historyMax)
        .typingTimeoutDefault(
            Duration.ofMillis(
                r.integer(
                    "CHAT_TYPING_TIMEOUT_DEFAULT_MS", ms(d.typingTimeoutDefault()), 1, typingMax)))
        .typingTimeoutMax(Duration.ofMillis(typingMax))
        .dmMembersMax(r.integer("CHAT_DM_MEMBERS_MAX", d.dmMembersMax(), 2, 1000))
        .globalRoomCapacity(globalCapacity)
        .globalRoomOverflowCapacity(
            r.integer(
                "CHAT_GLOBAL_ROOM_OVERFLOW_CAPACITY",
                Math.max(d.globalRoomOverflowCapacity(), globalCapacity),
                globalCapacity,
                100_000))
        .privateRoomCapacity(
            r.integer("CHAT_PRIVATE_ROOM_CAPACITY", d.privateRoomCapacity(), 1, 100_000))
        .rateLimitPerSecond(
            r.integer("CHAT_RATE_LIMIT_PER_SECOND", d.rateLimitPerSecond(), 1, 1_000_000))
        .rateLimitBurst(r.integer("CHAT_RATE_LIMIT_BURST", d.rateLimitBurst(), 1, 1_000_000))
        .streams(streams(r, syncBatchMax))
        .build();
  }

  /**
   * The live streams' limits ({@code CHAT_STREAM_*}); a stream's queue holds at least one sync
   * batch.
   */
  private static StreamLimits streams(Reader r, int syncBatchMax) {
    StreamLimits d = StreamLimits.defaults();
    return StreamLimits.builder()
        .perAccount(r.integer("CHAT_STREAM_PER_ACCOUNT", d.perAccount(), 1, 1000))
        .heartbeat(
            Duration.ofMillis(
                r.integer("CHAT_STREAM_HEARTBEAT_MS", ms(d.heartbeat()), 100, 3_600_000)))
        .lifetime(
            Duration.ofSeconds(
                r.integer(
                    "CHAT_STREAM_LIFETIME_S", (int) d.lifetime().toSeconds(), 1, 7 * 24 * 3600)))
        .queuedEventsMax(
            r.integer(
                "CHAT_STREAM_QUEUE_MAX_EVENTS",
                Math.max(d.queuedEventsMax(), syncBatchMax),
                syncBatchMax,
                10_000_000))
        .queuedBytesMax(
            r.integer("CHAT_STREAM_QUEUE_MAX_BYTES", (int) d.queuedBytesMax(), 1024, 1 << 30))
        .ticketLifetime(
            Duration.ofSeconds(
                r.integer(
                    "CHAT_STREAM_TICKET_TTL_S", (int) d.ticketLifetime().toSeconds(), 1, 3600)))
        .build();
  }

  /** The same configuration signing with {@code secret} (the one generated when none was set). */
  public ServerConfig withAuthSecret(String secret) {
    return new ServerConfig(
        host,
        port,
        storage,
        Optional.of(secret),
        tokenTtl,
        limits,
        mongo,
        janitorInterval,
        janitorBatch,
        auth,
        logging,
        globalIdleTimeout,
        requestParseTimeout,
        management,
        moderation);
  }

  /** Off unless a port is given: a host alone would be a setting that silently does nothing. */
  private static Optional<ManagementConfig> management(Reader r, String host, int port) {
    if (r.optional("CHAT_MANAGEMENT_PORT").isEmpty()) {
      if (r.optional("CHAT_MANAGEMENT_HOST").isPresent()) {
        throw new ConfigException("CHAT_MANAGEMENT_HOST", "CHAT_MANAGEMENT_PORT to be set too");
      }
      return Optional.empty();
    }
    int managementPort = r.integer("CHAT_MANAGEMENT_PORT", 0, 0, 65535);
    if (managementPort != 0 && managementPort == port) {
      throw new ConfigException(
          "CHAT_MANAGEMENT_PORT", "a port other than CHAT_PORT (got \"" + managementPort + "\")");
    }
    return Optional.of(
        new ManagementConfig(r.string("CHAT_MANAGEMENT_HOST", host), managementPort));
  }

  private static LogConfig logging(Reader r) {
    String format = r.string("CHAT_LOG_FORMAT", "text");
    LogFormat logFormat =
        switch (format.toLowerCase(Locale.ROOT)) {
          case "text" -> LogFormat.TEXT;
          case "json" -> LogFormat.JSON;
          default ->
              throw new ConfigException("CHAT_LOG_FORMAT", "text or json (got \"" + format + "\")");
        };
    return new LogConfig(logFormat, r.bool("CHAT_ACCESS_LOG", false));
  }

  private static int ms(Duration d) {
    return (int) d.toMillis();
  }

  /** Reads variables; blank counts as unset. */
  record Reader(Map<String, String> env) {
    Optional<String> optional(String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    String string(String name, String fallback) {
      return optional(name).orElse(fallback);
    }

    int integer(String name, int fallback, int min, int max) {
      Optional<String> raw = optional(name);
      if (raw.isEmpty()) return fallback;
      try {
        int value = Integer.parseInt(raw.get());
        if (value >= min && value <= max) return value;
      } catch (NumberFormatException e) {
        // fall through to the one error below
      }
      throw new ConfigException(
          name, "an integer from " + min + " to " + max + " (got \"" + raw.get() + "\")");
    }

    boolean bool(String name, boolean fallback) {
      Optional<String> raw = optional(name);
      if (raw.isEmpty()) return fallback;
      return switch (raw.get().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new ConfigException(name, "true or false (got \"" + raw.get() + "\")");
      };
    }
  }
}
