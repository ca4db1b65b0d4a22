package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.empty;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import dev.chatcore.domain.chat.HackedMessage;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.HackedMessageRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Hacked messages in the {@code hacked_messages} collection: {@code {_id: id, sender, room, text,
 * context?: <JSON text>, createdAt: Date}}, listed newest first and purged by age through the
 * {@code createdAt} index. Times are kept to the millisecond. Thread-safe.
 */
public final class MongoHackedMessageRepository implements HackedMessageRepository {
  private final MongoCollection<Document> messages;

  public MongoHackedMessageRepository(MongoDatabase db) {
    this.messages = MongoErrors.majority(db, MongoIndexes.HACKED_MESSAGES);
  }

  @Override
  public void record(HackedMessage m) {
    Document d =
        new Document("_id", m.id())
            .append("sender", m.sender().value())
            .append("room", m.room().value())
            .append("text", m.text())
            .append("createdAt", Date.from(m.createdAt()));
    m.context().ifPresent(c -> d.append("context", c.json()));
    MongoErrors.run(
        "record hacked message",
        () -> messages.replaceOne(eq("_id", m.id()), d, new ReplaceOptions().upsert(true)));
  }

  @Override
  public List<HackedMessage> list(int offset, int limit) {
    return MongoErrors.call(
        "list hacked messages",
        () -> {
          List<HackedMessage> out = new ArrayList<>();
          for (Document d :
              messages
                  .find()
                  .sort(Sorts.descending("createdAt", "_id"))
                  .skip(offset)
                  .limit(limit)) {
            out.add(fromDocument(d));
          }
          return out;
        });
  }

  @Override
  public List<HackedMessage> list(
      Optional<RoomId> room, Optional<AccountId> sender, int offset, int limit) {
    return MongoErrors.call(
        "list hacked messages",
        () -> {
          List<HackedMessage> out = new ArrayList<>();
          for (Document d :
              messages
                  .find(filter(room, sender))
                  .sort(Sorts.descending("createdAt", "_id"))
                  .skip(offset)
                  .limit(limit)) {
            out.add(fromDocument(d));
          }
          return out;
        });
  }

  @Override
  public long count(Optional<RoomId> room, Optional<AccountId> sender) {
    return MongoErrors.call(
        "count hacked messages", () -> messages.countDocuments(filter(room, sender)));
  }

  @Override
  public Optional<HackedMessage> find(String id) {
    return MongoErrors.call(
        "find hacked message",
        () ->
            Optional.ofNullable(messages.find(eq("_id", id)).first())
                .map(MongoHackedMessageRepository::fromDocument));
  }

  /** Served by the {@code room_created} and {@code sender_created} indexes. */
  private static Bson filter(Optional<RoomId> room, Optional<AccountId> sender) {
    List<Bson> parts = new ArrayList<>();
    room.ifPresent(r -> parts.add(eq("room", r.value())));
    sender.ifPresent(a -> parts.add(eq("sender", a.value())));
    return parts.isEmpty() ? empty() : and(parts);
  }

  private static HackedMessage fromDocument(Document d) {
    return new HackedMessage(
        d.getString("_id"),
        new AccountId(d.getString("sender")),
        new RoomId(d.getString("room")),
        d.getString("text"),
        Optional.ofNullable(d.getString("context")).map(JsonObjectText::new),
        d.getDate("createdAt").toInstant());
  }

  @Override
  public long count() {
    return MongoErrors.call("count hacked messages", () -> messages.countDocuments());
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    return MongoErrors.call(
        "purge hacked messages",
        () -> (int) messages.deleteMany(lt("createdAt", Date.from(cutoff))).getDeletedCount());
  }
}
