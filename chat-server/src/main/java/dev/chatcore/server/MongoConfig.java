package dev.chatcore.server;

import com.mongodb.ConnectionString;
import dev.chatcore.adapter.mongo.MongoOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where MongoDB is ({@code CHAT_STORAGE=mongodb}).
 *
 * @param uri {@code CHAT_MONGO_URI}, required: a MongoDB connection string
 * @param database {@code CHAT_MONGO_DATABASE}, default {@code chat}
 * @param timeout {@code CHAT_MONGO_TIMEOUT_MS}, default 3000: how long a request waits for a
 *     MongoDB that does not answer before it fails with 503 {@code unavailable}
 * @param syncDelivery {@code CHAT_MONGO_SYNC_DELIVERY}: {@code auto} (default), {@code
 *     change_streams} or {@code polling}
 */
public record MongoConfig(
    String uri, String database, Duration timeout, MongoOptions.SyncDelivery syncDelivery) {
  public static final Duration DEFAULT_TIMEOUT = MongoOptions.DEFAULT_TIMEOUT;

  static MongoConfig fromEnvironment(Function<String, Optional<String>> env, int timeoutMs) {
    String uri =
        env.apply("CHAT_MONGO_URI")
            .orElseThrow(
                () ->
                    new ConfigException(
                        "CHAT_MONGO_URI",
                        "a MongoDB connection string (mongodb://host:27017/?replicaSet=rs0) with CHAT_STORAGE=mongodb"));
    try {
      new ConnectionString(uri);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "CHAT_MONGO_URI", "a MongoDB connection string (mongodb://... or mongodb+srv://...)");
    }
    String database = env.apply("CHAT_MONGO_DATABASE").orElse("chat");
    if (database.length() > 63 || !database.matches("[A-Za-z0-9_-]+")) {
      throw new ConfigException(
          "CHAT_MONGO_DATABASE", "1-63 letters, digits, '_' or '-' (got \"" + database + "\")");
    }
    String delivery = env.apply("CHAT_MONGO_SYNC_DELIVERY").orElse("auto");
    MongoOptions.SyncDelivery mode =
        switch (delivery.toLowerCase(Locale.ROOT)) {
          case "auto" -> MongoOptions.SyncDelivery.AUTO;
          case "change_streams" -> MongoOptions.SyncDelivery.CHANGE_STREAMS;
          case "polling" -> MongoOptions.SyncDelivery.POLLING;
          default ->
              throw new ConfigException(
                  "CHAT_MONGO_SYNC_DELIVERY",
                  "auto, change_streams or polling (got \"" + delivery + "\")");
        };
    return new MongoConfig(uri, database, Duration.ofMillis(timeoutMs), mode);
  }

  /** The adapter's options. */
  public MongoOptions options() {
    return MongoOptions.of(uri, database).withTimeout(timeout).withSyncDelivery(syncDelivery);
  }

  /** The URI without its password, for messages. */
  public String redactedUri() {
    return uri.replaceAll("//([^:/@]+):[^@/]*@", "//$1:***@");
  }

  @Override
  public String toString() {
    return "MongoConfig[uri="
        + redactedUri()
        + ", database="
        + database
        + ", timeout="
        + timeout
        + ", syncDelivery="
        + syncDelivery
        + "]";
  }
}
