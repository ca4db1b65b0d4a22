package dev.chatcore.adapter.mongo;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach MongoDB and tune the adapter.
 *
 * @param uri a MongoDB connection string, e.g. {@code mongodb://db1,db2,db3/?replicaSet=rs0}
 * @param database the database holding every collection of the chat
 * @param timeout server selection, connect, socket and write-concern timeout: a stopped MongoDB
 *     makes a request fail with {@code unavailable} after about this long instead of hanging
 * @param syncDelivery how the event feed learns of other nodes' events
 * @param pollInterval how often the feed polls the stream head (the change stream mode polls every
 *     second as a safety net)
 * @param gapGrace how long a stream position may stay allocated but empty below a written one
 *     before readers declare it abandoned (see {@link MongoEventLog})
 */
public record MongoOptions(
    String uri,
    String database,
    Duration timeout,
    SyncDelivery syncDelivery,
    Duration pollInterval,
    Duration gapGrace) {

  /** Which cross-node notification to use. */
  public enum SyncDelivery {
    /** Change streams when the server supports them, else polling. */
    AUTO,
    /** Change streams only: starting fails when the server does not support them. */
    CHANGE_STREAMS,
    /** Poll the stream head (works on any MongoDB, also a standalone server). */
    POLLING
  }

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);
  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(150);
  public static final Duration DEFAULT_GAP_GRACE = Duration.ofSeconds(2);

  public MongoOptions {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(syncDelivery, "syncDelivery");
    positive(timeout, "timeout");
    positive(pollInterval, "pollInterval");
    positive(gapGrace, "gapGrace");
  }

  /** The defaults: 3 s timeout, automatic delivery, 150 ms polling, 2 s gap grace. */
  public static MongoOptions of(String uri, String database) {
    return new MongoOptions(
        uri,
        database,
        DEFAULT_TIMEOUT,
        SyncDelivery.AUTO,
        DEFAULT_POLL_INTERVAL,
        DEFAULT_GAP_GRACE);
  }

  public MongoOptions withTimeout(Duration value) {
    return new MongoOptions(uri, database, value, syncDelivery, pollInterval, gapGrace);
  }

  public MongoOptions withSyncDelivery(SyncDelivery value) {
    return new MongoOptions(uri, database, timeout, value, pollInterval, gapGrace);
  }

  public MongoOptions withGapGrace(Duration value) {
    return new MongoOptions(uri, database, timeout, syncDelivery, pollInterval, value);
  }

  private static void positive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero())
      throw new IllegalArgumentException(name + " must be positive");
  }
}
