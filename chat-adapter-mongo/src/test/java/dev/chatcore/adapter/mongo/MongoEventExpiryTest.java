package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.testing.Events;
import dev.chatcore.domain.testing.MutableClock;
import dev.chatcore.domain.testing.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the contract cannot see: the stored form of every event type, and where purging stops. */
class MongoEventExpiryTest {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));

  @Test
  void everyEventTypeReadsBackAsItWasAppended() {
    MongoEventLog log =
        new MongoEventLog(mongo.freshDatabase(), MongoOptions.DEFAULT_GAP_GRACE, clock);
    RoomId room = TestIds.room();
    AccountId who = TestIds.account();
    Instant now = clock.instant();
    EventId first = log.append(Events.message(room, "hi")).event().id();
    List<NewEvent> all =
        List.of(
            new NewEvent(
                room,
                who,
                now,
                new EventContent.Message(
                    "with context", Optional.of(new JsonObjectText("{\"a\":[1,2]}")))),
            new NewEvent(room, who, now, new EventContent.RoomCreated("lobby")),
            new NewEvent(room, who, now, new EventContent.Member(who, Membership.JOIN)),
            new NewEvent(room, who, now, new EventContent.Reaction(first, "👍", true)),
            new NewEvent(room, who, now, new EventContent.Reaction(first, "👍", false)),
            new NewEvent(room, who, now, new EventContent.Receipt(who, first)),
            NewEvent.expiring(
                room,
                who,
                now,
                new EventContent.Typing(List.of(who), Duration.ofSeconds(5)),
                now.plusSeconds(5)),
            new NewEvent(room, who, now, new EventContent.RoomDeleted()));
    for (NewEvent e : all) {
      Event appended = log.append(e).event();
      assertEquals(Optional.of(appended), log.find(appended.id()), "stored form of " + e.content());
      assertEquals(e.content(), appended.content());
      assertEquals(e.expiresAt(), appended.expiresAt());
    }
  }

  @Test
  void purgeStopsAtTheStableHeadAndTheTtlIndexIsTheSafetyNet() {
    MongoDatabase db = mongo.freshDatabase();
    MongoEventLog log =
        new MongoEventLog(db, Duration.ofMinutes(10), clock); // gaps stay gaps in this test
    RoomId room = TestIds.room();
    Instant now = clock.instant();
    EventId expiring =
        log.append(
                NewEvent.expiring(
                    room,
                    Events.SENDER,
                    now,
                    new EventContent.Typing(List.of(Events.SENDER), Duration.ofSeconds(1)),
                    now.plusSeconds(1)))
            .event()
            .id();
    // a writer took the next position and has not inserted yet; above it an expiring event landed
    long inFlight = log.allocate();
    long above = log.allocate();
    Event aboveHead =
        new NewEvent(
                room,
                Events.SENDER,
                now,
                new EventContent.Typing(List.of(Events.SENDER), Duration.ofSeconds(1)),
                Optional.empty(),
                Optional.of(now.plusSeconds(1)))
            .at(new EventId(above));
    db.getCollection(MongoIndexes.EVENTS).insertOne(EventDocuments.toDocument(aboveHead));
    assertEquals(expiring, log.head(), "the head stops below the position in flight");

    clock.advance(Duration.ofSeconds(1));
    assertTrue(
        log.readAfter(EventId.ORIGIN, Set.of(room), 10).events().isEmpty(),
        "expired: hidden at once");
    assertEquals(
        1, log.purgeExpired(clock.instant()), "only the expired event at or below the head goes");
    assertEquals(
        1,
        db.getCollection(MongoIndexes.EVENTS).countDocuments(Filters.eq("_id", above)),
        "the one above the head stays, else its position would look abandoned");
    assertEquals(expiring, log.head(), "purging moves no head");
    assertEquals(0, log.purgeExpired(clock.instant()), "purging again deletes nothing more");
    assertEquals(
        0,
        db.getCollection(MongoIndexes.EVENTS).countDocuments(Filters.eq("_id", inFlight)),
        "the position in flight is left to its writer");

    Document ttl = null;
    for (Document index : db.getCollection(MongoIndexes.EVENTS).listIndexes()) {
      if ("expires_ttl".equals(index.getString("name"))) ttl = index;
    }
    assertEquals(
        MongoIndexes.EXPIRED_EVENT_TTL_SECONDS,
        ((Number) ttl.get("expireAfterSeconds")).longValue());
  }

  @Test
  void creatingTheIndexesAgainChangesNothing() {
    MongoDatabase db = mongo.freshDatabase();
    List<String> before = indexNames(db);
    MongoIndexes.ensure(db);
    assertEquals(before, indexNames(db));
    for (var entry : MongoIndexes.INDEXES.entrySet()) {
      for (var model : entry.getValue()) {
        assertTrue(
            before.contains(entry.getKey() + "." + model.getOptions().getName()),
            "created: " + model);
      }
    }
  }

  private static List<String> indexNames(MongoDatabase db) {
    List<String> names = new ArrayList<>();
    for (String collection : MongoIndexes.INDEXES.keySet()) {
      for (Document index : db.getCollection(collection).listIndexes()) {
        names.add(collection + "." + index.getString("name"));
      }
    }
    Collections.sort(names);
    return names;
  }
}
