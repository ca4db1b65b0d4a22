package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.chat.Preferences;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.port.PreferencesRepository;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Preferences in the {@code preferences} collection, one document per account ({@code _id} =
 * account id, so one record each under any concurrency): {@code {_id, id, settings?: <JSON text>,
 * createdAt: Date, updatedAt: Date}}. The settings are kept as the JSON text the client sent, so
 * they come back byte for byte. Both writes are one upserting update, the identity in {@code
 * $setOnInsert}: a replace sets the whole text at once, so the last replace wins whole. Times are
 * kept to the millisecond. Thread-safe.
 */
public final class MongoPreferencesRepository implements PreferencesRepository {
  private static final int ATTEMPTS = 5;

  private final MongoCollection<Document> preferences;

  public MongoPreferencesRepository(MongoDatabase db) {
    this.preferences = MongoErrors.majority(db, MongoIndexes.PREFERENCES);
  }

  @Override
  public Preferences findOrCreate(AccountId account, String newId, Instant now) {
    Date at = Date.from(now);
    upsert(
        account,
        Updates.combine(
            Updates.setOnInsert("id", newId),
            Updates.setOnInsert("createdAt", at),
            Updates.setOnInsert("updatedAt", at)));
    return read(account);
  }

  @Override
  public Preferences replace(
      AccountId account, JsonObjectText settings, String newId, Instant now) {
    Date at = Date.from(now);
    upsert(
        account,
        Updates.combine(
            Updates.set("settings", settings.json()),
            Updates.set("updatedAt", at),
            Updates.setOnInsert("id", newId),
            Updates.setOnInsert("createdAt", at)));
    Preferences stored = read(account);
    // what this call wrote, even if a later replace already landed
    return new Preferences(
        stored.id(), account, Optional.of(settings), stored.createdAt(), at.toInstant());
  }

  private void upsert(AccountId account, Bson update) {
    for (int attempt = 1; ; attempt++) {
      try {
        MongoErrors.run(
            "store preferences",
            () ->
                preferences.updateOne(
                    eq("_id", account.value()), update, new UpdateOptions().upsert(true)));
        return;
      } catch (ConflictException concurrentCreation) {
        if (attempt == ATTEMPTS) throw concurrentCreation; // the record exists now: update it
      }
    }
  }

  private Preferences read(AccountId account) {
    Document d =
        MongoErrors.call(
            "read preferences", () -> preferences.find(eq("_id", account.value())).first());
    if (d == null) throw new UnavailableException("preferences vanished after a write", null);
    return new Preferences(
        d.getString("id"),
        account,
        Optional.ofNullable(d.getString("settings")).map(JsonObjectText::new),
        d.getDate("createdAt").toInstant(),
        d.getDate("updatedAt").toInstant());
  }
}
