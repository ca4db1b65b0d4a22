package dev.chatcore.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.chatcore.domain.error.ChatException;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.UnavailableException;
import java.util.function.Supplier;
import org.bson.Document;

/**
 * The one place where driver exceptions become domain failures. Every call into the driver goes
 * through {@link #call} (or {@link #run}), so no {@link MongoException} leaves the adapter.
 */
final class MongoErrors {
  /** The server's code for a unique index violation. */
  static final int DUPLICATE_KEY = 11000;

  private MongoErrors() {}

  /**
   * Runs a driver operation.
   *
   * @param what what the operation does, for the error message ("append event")
   * @throws UnavailableException when the store does not answer (timeouts, no primary, closed
   *     client)
   * @throws ConflictException for a unique key clash that the operation did not handle itself
   */
  static <T> T call(String what, Supplier<T> operation) {
    try {
      return operation.get();
    } catch (MongoException e) {
      throw translate(what, e);
    } catch (IllegalStateException e) {
      // the driver's "state should be: open" once the client is closed (the server is stopping)
      if (String.valueOf(e.getMessage()).contains("state should be")) {
        throw new UnavailableException("storage is closed", e);
      }
      throw e;
    }
  }

  /** {@link #call} for operations without a result. */
  static void run(String what, Runnable operation) {
    call(
        what,
        () -> {
          operation.run();
          return null;
        });
  }

  static ChatException translate(String what, MongoException e) {
    if (isDuplicateKey(e)) return new ConflictException(what + ": already exists");
    return new UnavailableException("storage is unavailable (" + what + ")", e);
  }

  /** True when the failure is a unique index violation. */
  static boolean isDuplicateKey(MongoException e) {
    if (e instanceof MongoWriteException w)
      return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    if (e instanceof MongoBulkWriteException b) {
      return b.getWriteErrors().stream()
          .anyMatch(x -> ErrorCategory.fromErrorCode(x.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
    return e.getCode() == DUPLICATE_KEY;
  }

  /**
   * The collection with majority write concern, keeping the client's write timeout when it already
   * asks for a majority (an acknowledged write then survives a primary failover).
   */
  static MongoCollection<Document> majority(MongoDatabase db, String name) {
    MongoCollection<Document> collection = db.getCollection(name);
    WriteConcern concern = collection.getWriteConcern();
    if ("majority".equals(concern.getWObject())) return collection;
    return collection.withWriteConcern(WriteConcern.MAJORITY);
  }
}
