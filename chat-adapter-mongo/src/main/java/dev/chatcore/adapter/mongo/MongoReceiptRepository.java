package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ReceiptRepository;
import dev.chatcore.domain.room.ReadPositions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * Read receipts in the {@code receipts} collection, one document per (room, account): {@code {_id:
 * "<room>:<account>", room, account, pos}}. An advance is one upserting update with {@code $max} on
 * {@code pos}, atomic per document, so concurrent receipts on any number of nodes end at the latest
 * position and never move back. A room's positions are one indexed query ({@code room, pos}).
 * Thread-safe.
 */
public final class MongoReceiptRepository implements ReceiptRepository {
  private static final int ATTEMPTS = 5;

  private final MongoCollection<Document> receipts;

  public MongoReceiptRepository(MongoDatabase db) {
    this.receipts = MongoErrors.majority(db, MongoIndexes.RECEIPTS);
  }

  private static String key(RoomId room, AccountId account) {
    return room.value() + ":" + account.value();
  }

  @Override
  public boolean advance(RoomId room, AccountId account, EventId upTo) {
    for (int attempt = 1; ; attempt++) {
      try {
        UpdateResult result =
            MongoErrors.call(
                "advance receipt",
                () ->
                    receipts.updateOne(
                        eq("_id", key(room, account)),
                        Updates.combine(
                            Updates.max("pos", upTo.position()),
                            Updates.setOnInsert("room", room.value()),
                            Updates.setOnInsert("account", account.value())),
                        new UpdateOptions().upsert(true)));
        return result.getUpsertedId() != null || result.getModifiedCount() == 1;
      } catch (ConflictException concurrentFirstReceipt) {
        // two upserts of a missing document raced: the document exists now, update it
        if (attempt == ATTEMPTS) throw concurrentFirstReceipt;
      }
    }
  }

  @Override
  public Optional<EventId> find(RoomId room, AccountId account) {
    return MongoErrors.call(
        "find receipt",
        () ->
            Optional.ofNullable(receipts.find(eq("_id", key(room, account))).first())
                .map(d -> new EventId(d.getLong("pos"))));
  }

  @Override
  public ReadPositions positions(RoomId room, EventId from) {
    return MongoErrors.call(
        "read receipts",
        () -> {
          List<EventId> found = new ArrayList<>();
          for (Document d :
              receipts
                  .find(and(eq("room", room.value()), gte("pos", from.position())))
                  .projection(Projections.include("pos"))) {
            found.add(new EventId(d.getLong("pos")));
          }
          return ReadPositions.of(found);
        });
  }

  @Override
  public void remove(RoomId room, AccountId account) {
    MongoErrors.run("remove receipt", () -> receipts.deleteOne(eq("_id", key(room, account))));
  }

  @Override
  public void deleteRoom(RoomId room) {
    MongoErrors.run("delete receipts", () -> receipts.deleteMany(eq("room", room.value())));
  }
}
