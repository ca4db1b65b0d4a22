package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.ReactionRepository;
import dev.chatcore.domain.reaction.ReactionCount;
import dev.chatcore.domain.reaction.ReactionKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.bson.Document;

/**
 * Reactions in the {@code reactions} collection, one document per (room, message, account, key):
 * {@code {_id: "<room>:<position>:<account>:<key>", room, message, account, key}}. Room and account
 * are 24 hex and the position digits only, so the {@code _id} is unique exactly per triple: an add
 * is one insert (a duplicate key means "already there"), a remove one delete, so of concurrent
 * identical calls on any number of nodes exactly one succeeds. Aggregates read the messages of one
 * page in one query ({@code room, message} index) and count in the adapter. Thread-safe.
 */
public final class MongoReactionRepository implements ReactionRepository {
  private static final Comparator<String> CODE_POINT_ORDER =
      (a, b) -> {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
          int x = a.codePointAt(i);
          int y = b.codePointAt(j);
          if (x != y) return Integer.compare(x, y);
          i += Character.charCount(x);
          j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
      };

  private final MongoCollection<Document> reactions;

  public MongoReactionRepository(MongoDatabase db) {
    this.reactions = MongoErrors.majority(db, MongoIndexes.REACTIONS);
  }

  private static String id(RoomId room, EventId message, AccountId account, ReactionKey key) {
    return room.value() + ":" + message.position() + ":" + account.value() + ":" + key.value();
  }

  @Override
  public boolean add(RoomId room, EventId message, AccountId account, ReactionKey key) {
    Document d =
        new Document("_id", id(room, message, account, key))
            .append("room", room.value())
            .append("message", message.position())
            .append("account", account.value())
            .append("key", key.value());
    try {
      MongoErrors.run("add reaction", () -> reactions.insertOne(d));
      return true;
    } catch (ConflictException alreadyThere) {
      return false;
    }
  }

  @Override
  public boolean remove(RoomId room, EventId message, AccountId account, ReactionKey key) {
    return MongoErrors.call(
        "remove reaction",
        () ->
            reactions.deleteOne(eq("_id", id(room, message, account, key))).getDeletedCount() == 1);
  }

  @Override
  public Map<EventId, List<ReactionCount>> aggregates(
      RoomId room, Set<EventId> messages, AccountId viewer) {
    if (messages.isEmpty()) return Map.of();
    List<Long> positions = messages.stream().map(EventId::position).toList();
    return MongoErrors.call(
        "read reactions",
        () -> {
          Map<Long, TreeMap<String, long[]>> counted = new HashMap<>(); // key -> {count, me}
          for (Document d :
              reactions.find(and(eq("room", room.value()), in("message", positions)))) {
            long[] line =
                counted
                    .computeIfAbsent(d.getLong("message"), m -> new TreeMap<>(CODE_POINT_ORDER))
                    .computeIfAbsent(d.getString("key"), k -> new long[2]);
            line[0]++;
            if (viewer.value().equals(d.getString("account"))) line[1] = 1;
          }
          Map<EventId, List<ReactionCount>> out = new HashMap<>();
          counted.forEach(
              (message, keys) -> {
                List<ReactionCount> lines = new ArrayList<>(keys.size());
                keys.forEach(
                    (key, line) -> lines.add(new ReactionCount(key, line[0], line[1] == 1)));
                out.put(new EventId(message), List.copyOf(lines));
              });
          return out;
        });
  }

  @Override
  public void deleteRoom(RoomId room) {
    MongoErrors.run("delete reactions", () -> reactions.deleteMany(eq("room", room.value())));
  }
}
