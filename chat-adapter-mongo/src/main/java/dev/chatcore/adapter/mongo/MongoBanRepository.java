package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.moderation.Ban;
import dev.chatcore.domain.moderation.Offences;
import dev.chatcore.domain.port.BanRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Bans in the {@code bans} collection, one document per account ({@code _id} = account id, so at
 * most one ban each): {@code {_id, until?: Date, reason, automatic, createdOn: Date, by?}}. Offence
 * records in {@code offences}: {@code {_id: account, count, last?: Date}}. Every write is one
 * upserting replace, atomic per document. The history in {@code ban_history}: one document per ban
 * put, {@code {_id: ObjectId, account, until?, reason, automatic, createdOn, by?}}, written after
 * the ban itself (a failure between the two loses the history entry, never the ban). Thread-safe.
 */
public final class MongoBanRepository implements BanRepository {
  private final MongoCollection<Document> bans;
  private final MongoCollection<Document> offences;
  private final MongoCollection<Document> history;

  public MongoBanRepository(MongoDatabase db) {
    this.bans = MongoErrors.majority(db, MongoIndexes.BANS);
    this.offences = MongoErrors.majority(db, MongoIndexes.OFFENCES);
    this.history = MongoErrors.majority(db, MongoIndexes.BAN_HISTORY);
  }

  @Override
  public void put(Ban ban) {
    MongoErrors.run(
        "store ban",
        () ->
            bans.replaceOne(
                eq("_id", ban.account().value()),
                toDocument(ban),
                new ReplaceOptions().upsert(true)));
    Document entry = toDocument(ban);
    entry.remove("_id"); // a new ObjectId: its order breaks ties between bans of one instant
    entry.append("account", ban.account().value());
    MongoErrors.run("store ban history", () -> history.insertOne(entry));
  }

  @Override
  public List<Ban> history(AccountId account, int limit) {
    return MongoErrors.call(
        "read ban history",
        () -> {
          List<Ban> out = new ArrayList<>();
          for (Document d :
              history
                  .find(eq("account", account.value()))
                  .sort(Sorts.descending("createdOn", "_id"))
                  .limit(limit)) {
            d.put("_id", d.getString("account"));
            out.add(fromDocument(d));
          }
          return out;
        });
  }

  @Override
  public Optional<Ban> find(AccountId account) {
    return MongoErrors.call(
        "find ban",
        () ->
            Optional.ofNullable(bans.find(eq("_id", account.value())).first())
                .map(MongoBanRepository::fromDocument));
  }

  @Override
  public boolean remove(AccountId account) {
    return MongoErrors.call(
        "remove ban", () -> bans.deleteOne(eq("_id", account.value())).getDeletedCount() == 1);
  }

  @Override
  public List<Ban> list(int offset, int limit) {
    return MongoErrors.call(
        "list bans",
        () -> {
          List<Ban> out = new ArrayList<>();
          for (Document d : bans.find().sort(Sorts.ascending("_id")).skip(offset).limit(limit))
            out.add(fromDocument(d));
          return out;
        });
  }

  @Override
  public long count() {
    return MongoErrors.call("count bans", () -> bans.countDocuments());
  }

  /**
   * Reads a batch of ended bans through the sparse {@code until} index (permanent bans have no
   * {@code until}, so they never match), then deletes each one only if it has still ended: a ban
   * put again meanwhile with a later end stays.
   */
  @Override
  public int purgeExpired(Instant now, int limit) {
    if (limit <= 0) return 0;
    Date at = Date.from(now);
    return MongoErrors.call(
        "purge bans",
        () -> {
          int purged = 0;
          for (Document d :
              bans.find(lte("until", at))
                  .projection(new Document("_id", 1))
                  .limit(limit)
                  .into(new ArrayList<>())) {
            purged +=
                (int)
                    bans.deleteOne(and(eq("_id", d.getString("_id")), lte("until", at)))
                        .getDeletedCount();
          }
          return purged;
        });
  }

  @Override
  public Offences offences(AccountId account) {
    return MongoErrors.call(
        "find offences",
        () -> {
          Document d = offences.find(eq("_id", account.value())).first();
          if (d == null) return Offences.NONE;
          return new Offences(
              d.getInteger("count"), Optional.ofNullable(d.getDate("last")).map(Date::toInstant));
        });
  }

  @Override
  public void putOffences(AccountId account, Offences record) {
    Document d = new Document("_id", account.value()).append("count", record.count());
    record.last().ifPresent(at -> d.append("last", Date.from(at)));
    MongoErrors.run(
        "store offences",
        () ->
            offences.replaceOne(eq("_id", account.value()), d, new ReplaceOptions().upsert(true)));
  }

  private static Document toDocument(Ban ban) {
    Document d =
        new Document("_id", ban.account().value())
            .append("reason", ban.reason())
            .append("automatic", ban.automatic())
            .append("createdOn", Date.from(ban.createdOn()));
    ban.until().ifPresent(u -> d.append("until", Date.from(u)));
    ban.by().ifPresent(b -> d.append("by", b.value()));
    return d;
  }

  private static Ban fromDocument(Document d) {
    return new Ban(
        new AccountId(d.getString("_id")),
        Optional.ofNullable(d.getDate("until")).map(Date::toInstant),
        d.getString("reason"),
        d.getBoolean("automatic", false),
        d.getDate("createdOn").toInstant(),
        Optional.ofNullable(d.getString("by")).map(AccountId::new));
  }
}
