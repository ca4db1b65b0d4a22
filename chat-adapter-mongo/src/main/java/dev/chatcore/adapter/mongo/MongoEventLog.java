package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.MongoException;
import com.mongodb.ReadConcern;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.event.Appended;
import dev.chatcore.domain.event.Direction;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.EventType;
import dev.chatcore.domain.event.MessageFilter;
import dev.chatcore.domain.event.NewEvent;
import dev.chatcore.domain.event.StreamSlice;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.BeforeVisible;
import dev.chatcore.domain.port.EventLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * The event stream in MongoDB, shared by every node.
 *
 * <p><b>Positions.</b> A writer takes the next position from a counter document ({@code
 * findOneAndUpdate} with {@code $inc}) and inserts the event with that position as {@code _id}.
 * Correctness does not rest on the counter: the unique {@code _id} makes an insert into a taken
 * position fail, and the writer then takes a new one. (Some MongoDB-compatible test servers hand
 * out a counter value twice under concurrency; this copes with it.) Positions are therefore unique
 * and may have gaps, never repeats.
 *
 * <p><b>Visibility.</b> With several writers, position p+1 may be written before p. Readers only
 * look up to the {@linkplain StableHead stable head}, below which every position is filled, so
 * {@link #readAfter} never returns p+1 while p can still appear.
 *
 * <p><b>Read-your-writes, across nodes.</b> An append answers only once the stable head covers its
 * event, and every read (sync, history, room heads, counts, admin listings) is bounded by a head
 * refreshed after the read began ({@link FreshHead}): a read on any node includes every event whose
 * append was acknowledged, on any node, before the read began.
 *
 * <p><b>Idempotency.</b> A unique sparse index on {@code txnKey} (sender and transaction id) lets
 * one event per key exist across every node: a concurrent retry loses the insert, finds the earlier
 * event and returns it, and fills the position it took with a placeholder so readers need not wait
 * for the grace.
 *
 * <p>Reads go with majority read concern and writes with majority write concern, so nothing a
 * reader delivered can be rolled back by a failover. Times are stored to the millisecond; the event
 * returned by {@link #append} is the stored one. Thread-safe.
 *
 * <p><b>Expiry.</b> An expiring event (a typing notice) carries {@code expiresAt}; every read adds
 * "no {@code expiresAt}, or {@code expiresAt} after now" (by this log's clock), so an expired event
 * is hidden the instant it expires. {@link #purgeExpired} deletes expired events at or below the
 * stable head (a deleted position above it would look abandoned and delay readers by the grace); a
 * TTL index on {@code expiresAt} deletes what no purge reached, a minute after expiry. Deleting a
 * position below the head changes neither the head nor any other position.
 */
public final class MongoEventLog implements EventLog {
  static final String COUNTER_ID = "event_position";

  /** How long a mark stays: long enough for every node's feed to have reported it. */
  static final Duration MARK_LIFETIME = Duration.ofMinutes(5);

  private static final int MAX_ATTEMPTS = 1000;

  private final MongoCollection<Document> events;
  private final MongoCollection<Document> eventsOnPrimary;
  private final MongoCollection<Document> counters;
  private final StableHead head;
  private final FreshHead fresh;
  private final Clock clock;
  private volatile Runnable onAppend = () -> {};

  /**
   * A log on {@code db} with the default gap grace; the indexes must exist ({@link MongoIndexes}).
   */
  public MongoEventLog(MongoDatabase db) {
    this(db, MongoOptions.DEFAULT_GAP_GRACE);
  }

  /**
   * @param gapGrace how long an empty position below a written one may stay before it is abandoned
   */
  public MongoEventLog(MongoDatabase db, Duration gapGrace) {
    this(db, gapGrace, Clock.systemUTC());
  }

  /**
   * @param clock the time by which expiring events lapse
   */
  public MongoEventLog(MongoDatabase db, Duration gapGrace, Clock clock) {
    this.clock = clock;
    this.events =
        MongoErrors.majority(db, MongoIndexes.EVENTS).withReadConcern(ReadConcern.MAJORITY);
    this.eventsOnPrimary = events.withReadConcern(ReadConcern.LOCAL);
    this.counters = MongoErrors.majority(db, MongoIndexes.COUNTERS);
    MongoErrors.run("prepare event counter", this::reconcileCounter);
    this.head = new StableHead(events, counters, gapGrace);
    this.fresh = new FreshHead(head::refresh, head::current, gapGrace);
  }

  /** Called after every successful append of this process (the feed looks at the head sooner). */
  void onAppend(Runnable action) {
    this.onAppend = action;
  }

  StableHead stableHead() {
    return head;
  }

  @Override
  public Appended append(NewEvent event, BeforeVisible beforeVisible) {
    if (beforeVisible != BeforeVisible.NOTHING && event.txnId().isPresent()) {
      throw new IllegalArgumentException("an event stored with a hook carries no transaction id");
    }
    Optional<String> txnKey = event.txnId().map(t -> EventDocuments.txnKey(event.sender(), t));
    if (txnKey.isPresent()) {
      Optional<Event> earlier = byTxnKey(events, txnKey.get());
      if (earlier.isPresent()) return answered(new Appended(earlier.get(), false));
    }
    NewEvent stored =
        new NewEvent(
            event.room(),
            event.sender(),
            event.originTs().truncatedTo(ChronoUnit.MILLIS),
            event.content(),
            event.txnId(),
            event.expiresAt().map(at -> at.truncatedTo(ChronoUnit.MILLIS)));
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      long position = allocate();
      runBeforeVisible(beforeVisible, position);
      Optional<Appended> done = tryInsert(position, stored, txnKey);
      if (done.isPresent()) return answered(done.get());
    }
    throw new UnavailableException("could not find a free stream position", null);
  }

  /**
   * Takes a counter value, runs the hook, and fills the position with a mark: a document without a
   * room (so no read returns it) naming the rooms and accounts the feed reports. A mark expires
   * like a typing notice (the purge and the TTL index delete it), well after every feed has
   * reported it.
   */
  @Override
  public EventId mark(Set<RoomId> rooms, Set<AccountId> accounts, BeforeVisible beforeVisible) {
    Date expires = Date.from(clock.instant().plus(MARK_LIFETIME));
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      long position = allocate();
      runBeforeVisible(beforeVisible, position);
      try {
        MongoErrors.run(
            "mark stream position",
            () -> events.insertOne(EventDocuments.mark(position, rooms, accounts, expires)));
        covered(position);
        return new EventId(position);
      } catch (ConflictException taken) {
        // taken by a writer given the same value, or declared abandoned by a reader: the hook's
        // work moves to the next position the loop offers it
      }
    }
    throw new UnavailableException("could not find a free stream position", null);
  }

  /**
   * Runs the hook while {@code position} is still empty: no reader passes an empty position (the
   * stable head stops below it), so the hook's work is stored before the event can be read. A
   * failing hook abandons the position at once, sparing readers the grace.
   */
  private void runBeforeVisible(BeforeVisible beforeVisible, long position) {
    try {
      beforeVisible.at(new EventId(position));
    } catch (RuntimeException e) {
      fillQuietly(position);
      throw e;
    }
  }

  /**
   * Inserts the event at {@code position}. Empty when the position was taken (by a writer given the
   * same counter value, or by a reader that declared it abandoned): take another one.
   */
  Optional<Appended> tryInsert(long position, NewEvent event, Optional<String> txnKey) {
    Event candidate = event.at(new EventId(position));
    try {
      MongoErrors.call(
          "append event", () -> events.insertOne(EventDocuments.toDocument(candidate)));
      return Optional.of(new Appended(candidate, true));
    } catch (ConflictException duplicate) {
      if (txnKey.isEmpty()) return Optional.empty();
      // the winner's write may not be majority-committed yet: look where the index said it is
      Optional<Event> earlier = byTxnKey(eventsOnPrimary, txnKey.get());
      if (earlier.isEmpty()) return Optional.empty();
      fillQuietly(position); // ours, and it will stay empty: spare readers the grace
      return Optional.of(new Appended(earlier.get(), false));
    }
  }

  /**
   * Takes the next counter value: the value before this call's {@code $inc}, plus one. (Asking for
   * the document after the update would do on MongoDB, but the embedded test server then answers
   * with the document as it is when the reply is written, after later increments: values repeat and
   * others are never handed out, each one a gap readers wait out. The document before the update is
   * a copy taken under the update, exact on both.)
   */
  long allocate() {
    Document before =
        MongoErrors.call(
            "allocate stream position",
            () ->
                counters.findOneAndUpdate(
                    eq("_id", COUNTER_ID),
                    Updates.inc("seq", 1L),
                    new FindOneAndUpdateOptions()
                        .upsert(true)
                        .returnDocument(ReturnDocument.BEFORE)));
    return before == null ? 1 : before.get("seq", Number.class).longValue() + 1;
  }

  /**
   * The answer, once the head covers its event: a read begun afterwards on any node sees it. A lost
   * {@code txn_id} race waits too, for the winner's event, which may not be visible yet.
   */
  private Appended answered(Appended appended) {
    if (appended.created()) {
      covered(appended.event().id().position());
    } else {
      fresh.awaitCovering(appended.event().id().position());
    }
    return appended;
  }

  /**
   * Answers a write once this process reads it (the head covers it), then wakes the local readers.
   */
  private void covered(long position) {
    fresh.awaitCovering(position);
    onAppend.run();
  }

  private void fillQuietly(long position) {
    try {
      events.insertOne(EventDocuments.burned(position));
    } catch (MongoException e) {
      // taken meanwhile, or the store is failing: readers settle it after the grace
    }
  }

  private static Optional<Event> byTxnKey(MongoCollection<Document> collection, String txnKey) {
    return MongoErrors.call(
        "find transaction",
        () ->
            Optional.ofNullable(collection.find(eq(EventDocuments.TXN_KEY, txnKey)).first())
                .map(EventDocuments::fromDocument));
  }

  /** A counter behind the log (restored from a backup without it, say) would collide forever. */
  private void reconcileCounter() {
    Document highest =
        events.find().projection(Projections.include("_id")).sort(Sorts.descending("_id")).first();
    long max = highest == null ? 0 : highest.getLong("_id");
    counters.updateOne(
        eq("_id", COUNTER_ID), Updates.max("seq", max), new UpdateOptions().upsert(true));
  }

  @Override
  public EventId head() {
    return new EventId(fresh.read());
  }

  @Override
  public Optional<EventId> roomHead(RoomId room) {
    long snapshot = fresh.read();
    return MongoErrors.call(
        "read room head",
        () ->
            Optional.ofNullable(
                    events
                        .find(and(eq(EventDocuments.ROOM, room.value()), lte("_id", snapshot)))
                        .projection(Projections.include("_id"))
                        .sort(Sorts.descending("_id"))
                        .first())
                .map(d -> new EventId(d.getLong("_id"))));
  }

  @Override
  public StreamSlice readAfter(EventId after, EventId upTo, Set<RoomId> rooms, int limit) {
    long cap = upTo.position(); // a sync's head, read (fresh) before its scope
    long snapshot = cap <= head.current() ? cap : Math.min(fresh.read(), cap);
    if (after.position() >= snapshot) return new StreamSlice(List.of(), after, false);
    if (rooms.isEmpty()) return new StreamSlice(List.of(), new EventId(snapshot), false);
    List<String> roomIds = rooms.stream().map(RoomId::value).toList();
    List<Event> found =
        find(
            "read stream",
            and(
                in(EventDocuments.ROOM, roomIds),
                gt("_id", after.position()),
                lte("_id", snapshot),
                notExpired()),
            Sorts.ascending("_id"),
            StreamSlice.fetchSize(limit));
    return StreamSlice.fromFetched(found, limit, new EventId(snapshot));
  }

  @Override
  public List<Event> readMessages(
      RoomId room, Optional<EventId> fromExclusive, Direction direction, int limit) {
    long snapshot = fresh.read();
    List<Bson> filter =
        new ArrayList<>(
            List.of(
                eq(EventDocuments.ROOM, room.value()),
                eq(EventDocuments.MSG, true),
                lte("_id", snapshot),
                notExpired()));
    fromExclusive.ifPresent(
        f ->
            filter.add(
                direction == Direction.BACKWARD
                    ? lt("_id", f.position())
                    : gt("_id", f.position())));
    Bson sort = direction == Direction.BACKWARD ? Sorts.descending("_id") : Sorts.ascending("_id");
    return find("read history", and(filter), sort, limit);
  }

  @Override
  public Optional<Event> find(EventId id) {
    if (id.position() > head.current() && id.position() > fresh.read()) return Optional.empty();
    return MongoErrors.call(
        "find event",
        () ->
            Optional.ofNullable(
                    events
                        .find(
                            and(
                                eq("_id", id.position()),
                                exists(EventDocuments.ROOM),
                                notExpired()))
                        .first())
                .map(EventDocuments::fromDocument));
  }

  @Override
  public long countMessagesAfter(RoomId room, EventId after, AccountId excludedSender, long cap) {
    long snapshot = fresh.read();
    if (after.position() >= snapshot) return 0;
    return MongoErrors.call(
        "count messages",
        () ->
            events.countDocuments(
                and(
                    eq(EventDocuments.ROOM, room.value()),
                    eq(EventDocuments.MSG, true),
                    gt("_id", after.position()),
                    lte("_id", snapshot),
                    ne("sender", excludedSender.value())),
                new CountOptions().limit((int) Math.min(cap, Integer.MAX_VALUE))));
  }

  @Override
  public List<Event> readMessagesSince(RoomId room, Instant from, int limit) {
    long snapshot = fresh.read();
    Date since =
        Date.from(
            from.truncatedTo(ChronoUnit.MILLIS)
                .plusNanos(from.getNano() % 1_000_000 == 0 ? 0 : 1_000_000));
    // messages created before `from` but edited since sort before every message created since
    List<Event> out =
        new ArrayList<>(
            find(
                "read messages edited since",
                and(
                    eq(EventDocuments.ROOM, room.value()),
                    eq(EventDocuments.MSG, true),
                    gte(EventDocuments.UPDATED_AT, since),
                    lt("ts", since),
                    lte("_id", snapshot),
                    notExpired()),
                Sorts.ascending("ts", "_id"),
                limit));
    if (out.size() == limit) return out;
    out.addAll(
        find(
            "read messages since",
            and(
                eq(EventDocuments.ROOM, room.value()),
                eq(EventDocuments.MSG, true),
                gte("ts", since),
                lte("_id", snapshot),
                notExpired()),
            Sorts.ascending("ts", "_id"),
            limit - out.size()));
    return out;
  }

  @Override
  public long purgeExpired(Instant now) {
    long below = head.current();
    return MongoErrors.call(
        "purge expired events",
        () ->
            events
                .deleteMany(and(lte(EventDocuments.EXPIRES_AT, Date.from(now)), lte("_id", below)))
                .getDeletedCount());
  }

  /**
   * Deletes in batches of the room's oldest messages, never above the stable head (a deleted
   * position above it would look abandoned and delay readers by the grace).
   */
  @Override
  public int deleteMessages(RoomId room, EventId upTo, int limit) {
    if (limit <= 0) return 0;
    long below = Math.min(upTo.position(), head.current());
    return MongoErrors.call(
        "delete messages",
        () -> {
          List<Long> positions = new ArrayList<>();
          for (Document d :
              events
                  .find(
                      and(
                          eq(EventDocuments.ROOM, room.value()),
                          eq(EventDocuments.MSG, true),
                          lte("_id", below)))
                  .projection(Projections.include("_id"))
                  .sort(Sorts.ascending("_id"))
                  .limit(limit)) {
            positions.add(d.getLong("_id"));
          }
          if (positions.isEmpty()) return 0;
          // counts only what this call removed: a concurrent purge may take some of them first
          return (int)
              events
                  .deleteMany(and(in("_id", positions), eq(EventDocuments.MSG, true)))
                  .getDeletedCount();
        });
  }

  @Override
  public List<Event> findMessages(MessageFilter filter, int offset, int limit) {
    return MongoErrors.call(
        "find messages",
        () -> {
          List<Event> out = new ArrayList<>(Math.min(limit, 128));
          for (Document d :
              events
                  .find(matching(filter))
                  .sort(Sorts.descending("_id"))
                  .skip(offset)
                  .limit(limit)) {
            out.add(EventDocuments.fromDocument(d));
          }
          return out;
        });
  }

  @Override
  public long countMessages(MessageFilter filter) {
    return MongoErrors.call("count messages", () -> events.countDocuments(matching(filter)));
  }

  /**
   * The admin filter: indexed by room ({@code room_messages}) or sender ({@code sender_messages});
   * the text is a literal, case-insensitive substring: the user's text is quoted, never a pattern.
   */
  private Bson matching(MessageFilter filter) {
    List<Bson> parts =
        new ArrayList<>(
            List.of(eq(EventDocuments.MSG, true), lte("_id", fresh.read()), notExpired()));
    filter.room().ifPresent(r -> parts.add(eq(EventDocuments.ROOM, r.value())));
    filter.sender().ifPresent(a -> parts.add(eq("sender", a.value())));
    filter
        .textContains()
        .ifPresent(t -> parts.add(regex(EventDocuments.CONTENT + ".text", literal(t), "i")));
    return and(parts);
  }

  /**
   * A pattern matching {@code text} literally. Not {@code \Q...\E}: a BSON pattern cannot hold a
   * NUL, so every character that is not a letter or digit is written as its code point, {@code
   * \x{...}} (PCRE and Java alike).
   */
  private static String literal(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              if (Character.isLetterOrDigit(c)) out.appendCodePoint(c);
              else out.append("\\x{").append(Integer.toHexString(c)).append('}');
            });
    return out.toString();
  }

  @Override
  public Optional<Event> deleteMessage(EventId id) {
    return MongoErrors.call(
        "delete message",
        () ->
            Optional.ofNullable(
                    events.findOneAndDelete(
                        and(eq("_id", id.position()), eq(EventDocuments.MSG, true))))
                .map(EventDocuments::fromDocument));
  }

  /**
   * One conditional update of the stored message: a message deleted meanwhile matches nothing. The
   * result is the document before the update with this edit applied, not the document after it
   * (which a concurrent edit may already have changed again; see {@link #allocate}).
   */
  @Override
  public Optional<Event> editMessage(
      EventId id,
      EventContent.Message content,
      Optional<Instant> expiresAt,
      Instant at,
      AccountId editor) {
    Instant editedAt = at.truncatedTo(ChronoUnit.MILLIS);
    Optional<Instant> expiry = expiresAt.map(e -> e.truncatedTo(ChronoUnit.MILLIS));
    List<Bson> changes =
        new ArrayList<>(
            List.of(
                Updates.set(EventDocuments.CONTENT, EventDocuments.content(content)),
                Updates.set(EventDocuments.UPDATED_AT, Date.from(editedAt)),
                Updates.set(EventDocuments.EDITED_BY, editor.value())));
    changes.add(
        expiry
            .map(e -> Updates.set(EventDocuments.EXPIRES_AT, Date.from(e)))
            .orElseGet(() -> Updates.unset(EventDocuments.EXPIRES_AT)));
    return MongoErrors.call(
        "edit message",
        () ->
            Optional.ofNullable(
                    events.findOneAndUpdate(
                        and(eq("_id", id.position()), eq(EventDocuments.MSG, true)),
                        Updates.combine(changes),
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.BEFORE)))
                .map(
                    before ->
                        EventDocuments.fromDocument(before)
                            .edited(content, expiry, editedAt, editor)));
  }

  /** Lasting events, and expiring ones not yet expired by this log's clock. */
  private Bson notExpired() {
    return or(
        exists(EventDocuments.EXPIRES_AT, false),
        gt(EventDocuments.EXPIRES_AT, Date.from(clock.instant())));
  }

  /**
   * Rooms, member targets and new rooms ({@code m.room.created}) of the events in {@code (after,
   * upTo]}: what the feed reports.
   */
  Changes changesBetween(long after, long upTo) {
    return MongoErrors.call(
        "read new events",
        () -> {
          Set<RoomId> rooms = new HashSet<>();
          Set<AccountId> accounts = new HashSet<>();
          Set<RoomId> created = new HashSet<>();
          for (Document d :
              events
                  .find(
                      and(
                          gt("_id", after),
                          lte("_id", upTo),
                          or(exists(EventDocuments.ROOM), exists(EventDocuments.WAKE_ROOMS))))
                  .projection(
                      Projections.include(
                          EventDocuments.ROOM,
                          EventDocuments.TARGET,
                          EventDocuments.TYPE,
                          EventDocuments.WAKE_ROOMS,
                          EventDocuments.WAKE_ACCOUNTS))) {
            String room = d.getString(EventDocuments.ROOM);
            if (room != null) rooms.add(new RoomId(room));
            String target = d.getString(EventDocuments.TARGET);
            if (target != null) accounts.add(new AccountId(target));
            if (room != null
                && EventType.ROOM_CREATED.wireName().equals(d.getString(EventDocuments.TYPE))) {
              created.add(new RoomId(room));
            }
            for (String r : d.getList(EventDocuments.WAKE_ROOMS, String.class, List.of()))
              rooms.add(new RoomId(r));
            for (String a : d.getList(EventDocuments.WAKE_ACCOUNTS, String.class, List.of()))
              accounts.add(new AccountId(a));
          }
          return new Changes(rooms, accounts, created);
        });
  }

  record Changes(Set<RoomId> rooms, Set<AccountId> accounts, Set<RoomId> created) {}

  private List<Event> find(String what, Bson filter, Bson sort, int limit) {
    return MongoErrors.call(
        what,
        () -> {
          List<Event> out = new ArrayList<>(Math.min(limit, 128));
          for (Document d : events.find(filter).sort(sort).limit(limit))
            out.add(EventDocuments.fromDocument(d));
          return out;
        });
  }
}
