package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.invite.Invite;
import dev.chatcore.domain.port.InviteRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Invite codes in the {@code invites} collection: {@code {_id: code, usesLeft, expiresAt: Date,
 * revoked, grantsAdmin, createdBy?, createdAt: Date}}. A redemption is one conditional {@code
 * findOneAndUpdate} ({@code usesLeft > 0}, not revoked, not expired, {@code $inc -1}), so
 * concurrent redemptions on any number of nodes never exceed the uses. Thread-safe.
 */
public final class MongoInviteRepository implements InviteRepository {
  private final MongoCollection<Document> invites;

  public MongoInviteRepository(MongoDatabase db) {
    this.invites = MongoErrors.majority(db, MongoIndexes.INVITES);
  }

  @Override
  public void save(Invite invite) {
    MongoErrors.run(
        "save invite",
        () ->
            invites.replaceOne(
                eq("_id", invite.code()), toDocument(invite), new ReplaceOptions().upsert(true)));
  }

  @Override
  public Optional<Invite> find(String code) {
    return MongoErrors.call(
        "find invite",
        () ->
            Optional.ofNullable(invites.find(eq("_id", code)).first())
                .map(MongoInviteRepository::fromDocument));
  }

  @Override
  public List<Invite> list() {
    return MongoErrors.call(
        "list invites",
        () -> {
          List<Invite> out = new ArrayList<>();
          for (Document d : invites.find().sort(Sorts.descending("createdAt")))
            out.add(fromDocument(d));
          return out;
        });
  }

  @Override
  public Optional<Invite> redeem(String code, Instant now) {
    return MongoErrors.call(
            "redeem invite",
            () ->
                Optional.ofNullable(
                    invites.findOneAndUpdate(
                        and(
                            eq("_id", code),
                            eq("revoked", false),
                            gt("usesLeft", 0),
                            gt("expiresAt", Date.from(now))),
                        Updates.inc("usesLeft", -1),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE))))
        .map(MongoInviteRepository::fromDocument);
  }

  @Override
  public boolean revoke(String code) {
    return MongoErrors.call(
        "revoke invite",
        () ->
            invites.updateOne(eq("_id", code), Updates.set("revoked", true)).getMatchedCount()
                == 1);
  }

  private static Document toDocument(Invite i) {
    Document d =
        new Document("_id", i.code())
            .append("usesLeft", i.usesLeft())
            .append("expiresAt", Date.from(i.expiresAt()))
            .append("revoked", i.revoked())
            .append("grantsAdmin", i.grantsAdmin())
            .append("createdAt", Date.from(i.createdAt()));
    i.createdBy().ifPresent(a -> d.append("createdBy", a.value()));
    return d;
  }

  private static Invite fromDocument(Document d) {
    return new Invite(
        d.getString("_id"),
        d.getInteger("usesLeft"),
        d.getDate("expiresAt").toInstant(),
        d.getBoolean("revoked", false),
        d.getBoolean("grantsAdmin", false),
        Optional.ofNullable(d.getString("createdBy")).map(AccountId::new),
        d.getDate("createdAt").toInstant());
  }
}
