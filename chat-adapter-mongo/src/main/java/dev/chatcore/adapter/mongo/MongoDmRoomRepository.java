package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import dev.chatcore.domain.chat.DmKey;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.DmRoomRepository;
import java.util.Optional;
import org.bson.Document;

/**
 * The DM key index in the {@code dm_rooms} collection: {@code {_id: <DmKey>, room}}. The key is the
 * {@code _id}, so one open room per member set holds on any number of nodes: a claim is one insert,
 * and the loser of a race reads the winner. A unique index on {@code room} serves {@link #release}
 * (a room holds at most one key). Thread-safe.
 */
public final class MongoDmRoomRepository implements DmRoomRepository {
  private static final int ATTEMPTS = 20;

  private final MongoCollection<Document> keys;

  public MongoDmRoomRepository(MongoDatabase db) {
    this.keys = MongoErrors.majority(db, MongoIndexes.DM_ROOMS);
  }

  @Override
  public Optional<RoomId> find(DmKey key) {
    return MongoErrors.call(
        "find DM room",
        () ->
            Optional.ofNullable(keys.find(eq("_id", key.value())).first())
                .map(d -> new RoomId(d.getString("room"))));
  }

  @Override
  public RoomId claim(DmKey key, RoomId candidate) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        MongoErrors.run(
            "claim DM key",
            () ->
                keys.insertOne(new Document("_id", key.value()).append("room", candidate.value())));
        return candidate;
      } catch (ConflictException held) {
        Optional<RoomId> holder = find(key);
        if (holder.isPresent()) return holder.get();
        // released between our insert and our read: claim again
      }
    }
    throw new UnavailableException("could not claim the DM key (too much contention)", null);
  }

  @Override
  public void release(RoomId room) {
    MongoErrors.run("release DM key", () -> keys.deleteOne(eq("room", room.value())));
  }
}
