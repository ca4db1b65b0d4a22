package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.Room;
import dev.chatcore.domain.room.RoomEncryption;
import dev.chatcore.domain.room.RoomType;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Rooms in the {@code rooms} collection, one document per room: {@code {_id, type: "CHANNEL",
 * name?, topic?, createdAt: Date, number, channels, data?, createdBy?, deletedAt?: <position>,
 * encryption?: <algorithm>}}. Creation relies on the unique {@code _id}; deletion is a conditional
 * update, so two concurrent deletions change the room once. Thread-safe.
 */
public final class MongoRoomRepository implements RoomRepository {
  /** The algorithm, once end-to-end encryption was turned on. */
  private static final String ENCRYPTION = "encryption";

  private final MongoCollection<Document> rooms;

  public MongoRoomRepository(MongoDatabase db) {
    this.rooms = MongoErrors.majority(db, MongoIndexes.ROOMS);
  }

  @Override
  public void create(Room room) {
    MongoErrors.run("create room", () -> rooms.insertOne(toDocument(room)));
  }

  @Override
  public Optional<Room> find(RoomId id) {
    return MongoErrors.call(
        "find room",
        () ->
            Optional.ofNullable(rooms.find(eq("_id", id.value())).first())
                .map(MongoRoomRepository::fromDocument));
  }

  @Override
  public List<Room> listByType(RoomType type) {
    return list("list rooms", and(eq("type", type.name()), exists("deletedAt", false)));
  }

  @Override
  public List<Room> listDeletedAfter(RoomType type, EventId after) {
    return list(
        "list deleted rooms", and(eq("type", type.name()), gt("deletedAt", after.position())));
  }

  @Override
  public boolean markDeleted(RoomId id, EventId deletion, Optional<EventId> replacing) {
    Bson deletable =
        replacing
            .<Bson>map(r -> or(exists("deletedAt", false), eq("deletedAt", r.position())))
            .orElse(exists("deletedAt", false));
    return MongoErrors.call(
        "delete room",
        () ->
            rooms
                    .updateOne(
                        and(eq("_id", id.value()), deletable),
                        Updates.set("deletedAt", deletion.position()))
                    .getModifiedCount()
                == 1);
  }

  /**
   * A replace conditional on "same type, not deleted", so a tombstone is never brought back, and on
   * the stored encryption: the replacement carries the encryption the store holds, and when that
   * changed meanwhile (turned on) it is made again with it, so an update never changes encryption.
   */
  @Override
  public boolean update(Room room) {
    return MongoErrors.call(
        "update room",
        () -> {
          Optional<String> encryption = room.encryption().map(RoomEncryption::algorithm);
          for (int attempt = 0; attempt < 2; attempt++) {
            Bson sameEncryption =
                encryption.<Bson>map(a -> eq(ENCRYPTION, a)).orElse(exists(ENCRYPTION, false));
            if (rooms
                    .replaceOne(
                        and(
                            eq("_id", room.id().value()),
                            eq("type", room.type().name()),
                            exists("deletedAt", false),
                            sameEncryption),
                        toDocument(withEncryption(room, encryption)))
                    .getMatchedCount()
                == 1) {
              return true;
            }
            Document stored = rooms.find(eq("_id", room.id().value())).first();
            if (stored == null || stored.containsKey("deletedAt")) return false;
            if (!room.type().name().equals(stored.getString("type"))) {
              throw new IllegalArgumentException("a room keeps its type");
            }
            encryption = Optional.ofNullable(stored.getString(ENCRYPTION));
          }
          return false;
        });
  }

  private static Room withEncryption(Room room, Optional<String> algorithm) {
    return new Room(
        room.id(),
        room.type(),
        room.name(),
        room.topic(),
        room.createdAt(),
        room.number(),
        room.broadcastChannels(),
        room.data(),
        room.createdBy(),
        room.deletedAt(),
        algorithm.map(RoomEncryption::new));
  }

  @Override
  public boolean enableEncryption(RoomId id, RoomEncryption encryption) {
    return MongoErrors.call(
        "enable room encryption",
        () ->
            rooms
                    .updateOne(
                        and(
                            eq("_id", id.value()),
                            exists("deletedAt", false),
                            exists(ENCRYPTION, false)),
                        Updates.set(ENCRYPTION, encryption.algorithm()))
                    .getModifiedCount()
                == 1);
  }

  @Override
  public boolean purgeTombstone(RoomId id) {
    return MongoErrors.call(
        "purge room tombstone",
        () ->
            rooms.deleteOne(and(eq("_id", id.value()), exists("deletedAt", true))).getDeletedCount()
                == 1);
  }

  private List<Room> list(String what, Bson filter) {
    return MongoErrors.call(
        what,
        () -> {
          List<Room> out = new ArrayList<>();
          for (Document d : rooms.find(filter).sort(Sorts.ascending("createdAt", "_id")))
            out.add(fromDocument(d));
          return out;
        });
  }

  static Document toDocument(Room room) {
    Document d =
        new Document("_id", room.id().value())
            .append("type", room.type().name())
            .append("createdAt", Date.from(room.createdAt()))
            .append("number", room.number())
            .append("channels", room.broadcastChannels());
    room.name().ifPresent(n -> d.append("name", n));
    room.topic().ifPresent(t -> d.append("topic", t));
    room.data().ifPresent(x -> d.append("data", x.json()));
    room.createdBy().ifPresent(a -> d.append("createdBy", a.value()));
    room.deletedAt().ifPresent(e -> d.append("deletedAt", e.position()));
    room.encryption().ifPresent(e -> d.append(ENCRYPTION, e.algorithm()));
    return d;
  }

  static Room fromDocument(Document d) {
    return new Room(
        new RoomId(d.getString("_id")),
        RoomType.valueOf(d.getString("type")),
        Optional.ofNullable(d.getString("name")),
        Optional.ofNullable(d.getString("topic")),
        d.getDate("createdAt").toInstant(),
        d.getInteger("number", 0),
        d.getInteger("channels", 0),
        Optional.ofNullable(d.getString("data")).map(JsonObjectText::new),
        Optional.ofNullable(d.getString("createdBy")).map(AccountId::new),
        Optional.ofNullable(d.getLong("deletedAt")).map(EventId::new),
        Optional.ofNullable(d.getString(ENCRYPTION)).map(RoomEncryption::new));
  }
}
