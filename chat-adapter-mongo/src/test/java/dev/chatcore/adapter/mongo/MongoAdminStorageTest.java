package dev.chatcore.adapter.mongo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.chat.Report;
import dev.chatcore.domain.chat.ReportStatus;
import dev.chatcore.domain.chat.ReportedMessage;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.MessageFilter;
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
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the contracts cannot see of the admin methods on MongoDB: stored forms, the stable head as
 * the limit of deletions, quoting of search terms, edits and deletions racing across nodes, reports
 * stored before the admin order existed.
 */
class MongoAdminStorageTest {
  @RegisterExtension static final MongoFixture mongo = new MongoFixture();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final RoomId room = TestIds.room();

  private MongoEventLog log(MongoDatabase db) {
    return new MongoEventLog(db, Duration.ofMinutes(10), clock); // gaps stay gaps in these tests
  }

  private static List<EventId> ids(List<Event> events) {
    return events.stream().map(Event::id).toList();
  }

  @Test
  void editsRedactionsAndEditedMessagesReadBackAsStored() {
    MongoDatabase db = mongo.freshDatabase();
    MongoEventLog log = log(db);
    AccountId admin = TestIds.account();
    Instant now = clock.instant();
    EventId target = log.append(Events.message(room, "hi")).event().id();
    for (EventContent content :
        List.of(
            new EventContent.Edit(target, "fixed", Optional.of(new JsonObjectText("{\"k\":1}"))),
            new EventContent.Edit(target, "", Optional.empty()),
            new EventContent.Redaction(target))) {
      Event appended = log.append(new NewEvent(room, admin, now, content)).event();
      assertEquals(Optional.of(appended), log.find(appended.id()), "stored form of " + content);
      assertEquals(content, appended.content());
    }
    Instant editedAt = now.plusMillis(1500);
    Event edited =
        log.editMessage(
                target,
                new EventContent.Message("fixed", Optional.empty()),
                Optional.of(now.plus(Duration.ofDays(2))),
                editedAt,
                admin)
            .orElseThrow();
    assertEquals(Optional.of(edited), log.find(target));
    Document stored =
        db.getCollection(MongoIndexes.EVENTS).find(Filters.eq("_id", target.position())).first();
    assertEquals(Date.from(editedAt), stored.getDate(EventDocuments.UPDATED_AT));
    assertEquals(admin.value(), stored.getString(EventDocuments.EDITED_BY));
    assertEquals("fixed", stored.get(EventDocuments.CONTENT, Document.class).getString("text"));

    log.editMessage(
        target,
        new EventContent.Message("lasting", Optional.empty()),
        Optional.empty(),
        editedAt,
        admin);
    assertTrue(
        db.getCollection(MongoIndexes.EVENTS)
                .find(Filters.eq("_id", target.position()))
                .first()
                .get(EventDocuments.EXPIRES_AT)
            == null,
        "an edit without expiry removes the stored one");
  }

  @Test
  void deleteMessagesStopsAtTheStableHead() {
    MongoDatabase db = mongo.freshDatabase();
    MongoEventLog log = log(db);
    EventId below = log.append(Events.message(room, "below")).event().id();
    long inFlight = log.allocate(); // a writer took it and has not inserted yet
    long above = log.allocate();
    db.getCollection(MongoIndexes.EVENTS)
        .insertOne(EventDocuments.toDocument(Events.message(room, "above").at(new EventId(above))));
    assertEquals(below, log.head());

    assertEquals(
        1,
        log.deleteMessages(room, new EventId(above), 10),
        "only the message at or below the head");
    assertEquals(
        1,
        db.getCollection(MongoIndexes.EVENTS).countDocuments(Filters.eq("_id", above)),
        "the one above the head stays, else its position would look abandoned");
    assertEquals(
        0, db.getCollection(MongoIndexes.EVENTS).countDocuments(Filters.eq("_id", inFlight)));
    assertEquals(below, log.head(), "deleting moves no head");
    assertEquals(0, log.deleteMessages(room, new EventId(above), 10));
  }

  @Test
  void searchTermsAreQuotedEvenWhenTheyHoldQuoteMarkers() {
    MongoEventLog log = log(mongo.freshDatabase());
    EventId quoted = log.append(Events.message(room, "path C:\\Enter\\Q now")).event().id();
    EventId brackets = log.append(Events.message(room, "[a-z]+ and $1 or ^x|y")).event().id();
    log.append(Events.message(room, "plain words"));
    assertEquals(
        List.of(quoted), ids(log.findMessages(search("\\e"), 0, 10)), "\\E ends no quoting early");
    assertEquals(List.of(quoted), ids(log.findMessages(search("c:\\enter\\q"), 0, 10)));
    assertEquals(List.of(brackets), ids(log.findMessages(search("[A-Z]+"), 0, 10)));
    assertEquals(List.of(brackets), ids(log.findMessages(search("^X|Y"), 0, 10)));
    assertEquals(0, log.countMessages(search("words$x")));
    assertEquals(1, log.countMessages(search("WORDS")));
  }

  private MessageFilter search(String text) {
    return new MessageFilter(Optional.of(room), Optional.empty(), Optional.of(text));
  }

  @Test
  void editsRacingDeletionsOnAnotherNodeNeverBringAMessageBack() throws Exception {
    MongoDatabase db = mongo.freshDatabase();
    MongoEventLog editorNode = log(db);
    MongoEventLog deleterNode = log(db);
    List<EventId> messages = new ArrayList<>();
    for (int i = 0; i < 40; i++)
      messages.add(editorNode.append(Events.message(room, "m" + i)).event().id());
    AccountId admin = TestIds.account();
    AtomicInteger deleted = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (EventId m : messages) {
                    editorNode.editMessage(
                        m,
                        new EventContent.Message("edited", Optional.empty()),
                        Optional.empty(),
                        clock.instant(),
                        admin);
                  }
                  return null;
                }));
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (EventId m : messages) {
                    if (deleterNode.deleteMessage(m).isPresent()) deleted.incrementAndGet();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) f.get(60, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(messages.size(), deleted.get(), "each message deleted exactly once");
    for (EventId m : messages) assertTrue(editorNode.find(m).isEmpty(), "stays deleted: " + m);
    assertEquals(
        0,
        db.getCollection(MongoIndexes.EVENTS).countDocuments(Filters.eq(EventDocuments.MSG, true)));
  }

  @Test
  void reportsStoredBeforeTheAdminOrderGetTheirRankAtStart() {
    MongoDatabase db = mongo.freshDatabase();
    MongoReportRepository first = new MongoReportRepository(db);
    AccountId reporter = TestIds.account();
    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    Report mild = first.file(report("000000000000000000000001", 1, reporter, t0)).report();
    first.review(mild.id(), ReportStatus.MILD, Optional.empty(), TestIds.account());
    first.file(report("000000000000000000000002", 2, reporter, t0));
    MongoCollection<Document> reports = db.getCollection(MongoIndexes.REPORTS);
    reports.updateMany(Filters.empty(), Updates.unset("rank")); // as an older version stored them

    MongoReportRepository restarted = new MongoReportRepository(db);
    assertEquals(
        List.of("000000000000000000000002", "000000000000000000000001"),
        restarted.list(Optional.empty(), 0, 10).stream().map(Report::id).toList());
    assertEquals(0, reports.countDocuments(Filters.exists("rank", false)));
  }

  private Report report(String id, long message, AccountId reporter, Instant at) {
    ReportedMessage m =
        new ReportedMessage(new EventId(message), TestIds.account(), "m", Optional.empty(), at);
    return Report.first(id, new EventId(message), room, reporter, List.of(m), at);
  }
}
