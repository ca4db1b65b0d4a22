package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.account.Account;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.AccountRepository;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Accounts in the {@code accounts} collection: {@code {_id, name, admin, firstSeen: Date,
 * firstSeenEvent}}. Registration is one upserting {@code findOneAndUpdate} whose {@code
 * $setOnInsert} keeps the first-seen fields of the first registration. Thread-safe.
 */
public final class MongoAccountRepository implements AccountRepository {
  private final MongoCollection<Document> accounts;

  public MongoAccountRepository(MongoDatabase db) {
    this.accounts = MongoErrors.majority(db, MongoIndexes.ACCOUNTS);
  }

  @Override
  public Account register(Account account) {
    List<Bson> updates =
        new ArrayList<>(
            List.of(
                Updates.setOnInsert("firstSeen", Date.from(account.firstSeen())),
                Updates.setOnInsert("firstSeenEvent", account.firstSeenEvent().position()),
                Updates.set("admin", account.admin())));
    updates.add(
        account.displayName().isEmpty()
            ? Updates.setOnInsert("name", "")
            : Updates.set("name", account.displayName()));
    FindOneAndUpdateOptions options =
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    try {
      return fromDocument(
          MongoErrors.call(
              "register account",
              () ->
                  accounts.findOneAndUpdate(
                      eq("_id", account.id().value()), Updates.combine(updates), options)));
    } catch (ConflictException raced) {
      // two first registrations raced to insert: the other one won, this one is now an update
      return fromDocument(
          MongoErrors.call(
              "register account",
              () ->
                  accounts.findOneAndUpdate(
                      eq("_id", account.id().value()), Updates.combine(updates), options)));
    }
  }

  @Override
  public Optional<Account> find(AccountId id) {
    return MongoErrors.call(
        "find account",
        () ->
            Optional.ofNullable(accounts.find(eq("_id", id.value())).first())
                .map(MongoAccountRepository::fromDocument));
  }

  @Override
  public long count() {
    // the collection's count metadata: O(1), exact on a replica set member after a clean shutdown
    // (channel member counts are computed from it on every room view)
    return MongoErrors.call("count accounts", () -> accounts.estimatedDocumentCount());
  }

  @Override
  public boolean anyAdmin() {
    return MongoErrors.call(
        "find admin", () -> accounts.find(eq("admin", true)).limit(1).first() != null);
  }

  @Override
  public List<Account> list(Optional<AccountId> fromExclusive, int limit) {
    Bson filter = fromExclusive.map(f -> gt("_id", f.value())).orElse(new Document());
    return MongoErrors.call(
        "list accounts",
        () -> {
          List<Account> out = new ArrayList<>();
          for (Document d : accounts.find(filter).sort(Sorts.ascending("_id")).limit(limit))
            out.add(fromDocument(d));
          return out;
        });
  }

  private static Account fromDocument(Document d) {
    return new Account(
        new AccountId(d.getString("_id")),
        d.getString("name"),
        d.getBoolean("admin", false),
        d.getDate("firstSeen").toInstant(),
        new EventId(d.getLong("firstSeenEvent")));
  }
}
