package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.ActivityRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Last activity in the {@code activity} collection, one document per account: {@code {_id: account,
 * at: Date}}. A touch is one upserting {@code $max}, so an older time never wins; forgetting is one
 * conditional delete ({@code at < cutoff}), so a touch that lands first keeps the record. Times are
 * kept to the millisecond. Thread-safe.
 */
public final class MongoActivityRepository implements ActivityRepository {
  private static final int ATTEMPTS = 5;

  private final MongoCollection<Document> activity;

  public MongoActivityRepository(MongoDatabase db) {
    this.activity = MongoErrors.majority(db, MongoIndexes.ACTIVITY);
  }

  @Override
  public void touch(AccountId account, Instant at) {
    for (int attempt = 1; ; attempt++) {
      try {
        MongoErrors.run(
            "record activity",
            () ->
                activity.updateOne(
                    eq("_id", account.value()),
                    Updates.max("at", Date.from(at)),
                    new UpdateOptions().upsert(true)));
        return;
      } catch (ConflictException concurrentFirstTouch) {
        if (attempt == ATTEMPTS) throw concurrentFirstTouch; // the record exists now: update it
      }
    }
  }

  @Override
  public Optional<Instant> lastActive(AccountId account) {
    return MongoErrors.call(
        "read activity",
        () ->
            Optional.ofNullable(activity.find(eq("_id", account.value())).first())
                .map(d -> d.getDate("at").toInstant()));
  }

  @Override
  public List<AccountId> idleSince(Instant cutoff, int limit) {
    return MongoErrors.call(
        "list idle accounts",
        () -> {
          List<AccountId> out = new ArrayList<>();
          for (Document d :
              activity
                  .find(lt("at", Date.from(cutoff)))
                  .projection(Projections.include("_id"))
                  .sort(Sorts.ascending("at", "_id"))
                  .limit(limit)) {
            out.add(new AccountId(d.getString("_id")));
          }
          return out;
        });
  }

  @Override
  public boolean forgetIfIdle(AccountId account, Instant cutoff) {
    return MongoErrors.call(
        "forget idle account",
        () ->
            activity
                    .deleteOne(and(eq("_id", account.value()), lt("at", Date.from(cutoff))))
                    .getDeletedCount()
                == 1);
  }
}
