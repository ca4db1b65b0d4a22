package dev.chatcore.server.metrics;

import com.mongodb.MongoExecutionTimeoutException;
import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteConcernException;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.UnavailableException;
import java.net.SocketTimeoutException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * How a storage call ended: the {@code outcome} label of {@code chat_storage_operations_seconds}.
 */
enum StorageOutcome {
  OK,
  /** A unique key clash the adapter did not resolve ({@link ConflictException}). */
  CONFLICT,
  /** The store did not answer ({@link UnavailableException}) for a reason other than a timeout. */
  UNAVAILABLE,
  /** The store did not answer in time: an {@link UnavailableException} caused by a timeout. */
  TIMEOUT,
  /** Anything else a port threw (its own refusals, or a bug). */
  OTHER;

  /**
   * Server write concern error code of a {@code wtimeout}: a majority did not acknowledge in time.
   */
  private static final int WRITE_CONCERN_FAILED = 64;

  final String label = name().toLowerCase(Locale.ROOT);

  static StorageOutcome of(Throwable failure) {
    return switch (failure) {
      case ConflictException c -> CONFLICT;
      case UnavailableException u -> timedOut(u) ? TIMEOUT : UNAVAILABLE;
      default -> OTHER;
    };
  }

  /**
   * The Mongo adapter keeps the driver's exception as the cause of its {@link UnavailableException}
   * (driver exceptions never leave it otherwise): server selection, pool wait and operation
   * timeouts, socket read timeouts, server-side time limits and {@code wtimeout} are timeouts.
   */
  private static boolean timedOut(UnavailableException failure) {
    for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
      if (t instanceof MongoTimeoutException
          || t instanceof MongoSocketReadTimeoutException
          || t instanceof MongoExecutionTimeoutException
          || t instanceof SocketTimeoutException
          || t instanceof TimeoutException) {
        return true;
      }
      if (t instanceof MongoWriteConcernException w
          && w.getWriteConcernError().getCode() == WRITE_CONCERN_FAILED) {
        return true;
      }
    }
    return false;
  }
}
