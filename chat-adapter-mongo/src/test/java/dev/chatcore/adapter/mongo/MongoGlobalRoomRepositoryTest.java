package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import dev.chatcore.domain.chat.Seat;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.GlobalRoomRepository;
import dev.chatcore.domain.port.GlobalRoomRepositoryContract;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MongoGlobalRoomRepositoryTest extends GlobalRoomRepositoryContract {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  @Override
  protected GlobalRoomRepository newGlobalRoomRepository() {
    return new MongoGlobalRoomRepository(mongo.freshDatabase());
  }

  /** A node that died between writing a new room's seat and the room leaves an orphan seat. */
  @Test
  void anOrphanSeatIsRemovedAndTheAccountPlacedAgain() {
    MongoDatabase db = mongo.freshDatabase();
    GlobalRoomRepository rooms = new MongoGlobalRoomRepository(db, Duration.ofMillis(200));
    AccountId a = TestIds.account();
    RoomId neverCreated = TestIds.room();
    db.getCollection(MongoIndexes.GLOBAL_SEATS)
        .insertOne(new Document("_id", a.value()).append("room", neverCreated.value()));
    assertEquals(Optional.empty(), rooms.roomOf(a), "a seat without its room is no room");
    RoomId fresh = TestIds.room();
    Seat seat = rooms.place(a, 3, Set.of(), fresh, Instant.parse("2026-01-01T00:00:00Z"));
    assertTrue(seat.changed());
    assertEquals(fresh, seat.room().id());
    assertEquals(List.of(a), rooms.members(fresh));
    assertEquals(List.of(), rooms.members(neverCreated));
  }
}
