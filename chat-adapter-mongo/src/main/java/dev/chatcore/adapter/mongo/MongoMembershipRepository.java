package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.room.MemberChange;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.MemberTimeline;
import dev.chatcore.domain.room.RoomMember;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;

/**
 * Membership records in the {@code memberships} collection, one document per (room, account) with
 * {@code _id = "<room>:<account>"}: {@code {_id, room, account, state, since: Date, sinceEvent,
 * memberBefore, changes: [{at, member}], v}}. A put is one upserting replace, a {@link #record} a
 * compare-and-set on the version token {@code v}; both atomic per record. Thread-safe.
 *
 * <p><b>Capacity.</b> {@link #joinIfBelow} never reads-then-writes: each room has a counter of its
 * JOINED records in {@code member_counts} ({@code {_id: room, joined}}), and a join first reserves
 * a place with one conditional update ({@code joined < capacity}, {@code $inc 1}), atomic on the
 * one document whichever node runs it, then writes its record; an account that turns out to be
 * JOINED already gives the place back. Every {@link #put} keeps the counter right: it replaces the
 * record with {@code findOneAndReplace} and moves the counter by the change of state it replaced
 * (JOINED to another state: -1, the reverse: +1). The counter is the admission gate only; {@link
 * #count} counts the records themselves.
 */
public final class MongoMembershipRepository implements MembershipRepository {
  private static final String JOINED = MemberState.JOINED.name();
  private static final String VERSION = "v";
  private static final int MAX_ATTEMPTS = 100;

  private final MongoCollection<Document> memberships;
  private final MongoCollection<Document> counts;

  public MongoMembershipRepository(MongoDatabase db) {
    this.memberships = MongoErrors.majority(db, MongoIndexes.MEMBERSHIPS);
    this.counts = MongoErrors.majority(db, MongoIndexes.MEMBER_COUNTS);
  }

  private static String key(RoomId room, AccountId account) {
    return room.value() + ":" + account.value();
  }

  @Override
  public Optional<RoomMember> find(RoomId room, AccountId account) {
    return MongoErrors.call(
        "find membership",
        () ->
            Optional.ofNullable(memberships.find(eq("_id", key(room, account))).first())
                .map(MongoMembershipRepository::fromDocument));
  }

  @Override
  public void put(RoomMember member) {
    Document before =
        MongoErrors.call(
            "store membership",
            () ->
                memberships.findOneAndReplace(
                    eq("_id", key(member.room(), member.account())),
                    toDocument(member),
                    new FindOneAndReplaceOptions()
                        .upsert(true)
                        .returnDocument(ReturnDocument.BEFORE)));
    boolean wasJoined = before != null && JOINED.equals(before.getString("state"));
    boolean isJoined = member.state() == MemberState.JOINED;
    if (wasJoined != isJoined) moveCount(member.room(), isJoined ? 1 : -1);
  }

  @Override
  public RoomMember record(MemberChange change) {
    return store(change, false);
  }

  @Override
  public boolean joinIfBelow(MemberChange change, long capacity) {
    if (change.state() != MemberState.JOINED)
      throw new IllegalArgumentException("joinIfBelow needs a JOINED change");
    if (find(change.room(), change.account())
        .filter(m -> m.state() == MemberState.JOINED)
        .isPresent()) {
      store(change, false); // already a member: the change is recorded, the count does not move
      return true;
    }
    if (!reserve(change.room(), capacity)) return false;
    try {
      store(change, true);
      return true;
    } catch (RuntimeException e) {
      moveCount(change.room(), -1);
      throw e;
    }
  }

  /**
   * Merges the change into the stored record with a compare-and-set on the record's version ({@code
   * v}, a fresh token per write): a writer that lost the race reads again and merges into the
   * winner's record, so no change is lost and none is applied twice, on any number of nodes. Then
   * moves the room's JOINED counter by the change of state, less a place already reserved.
   */
  private RoomMember store(MemberChange change, boolean placeReserved) {
    String id = key(change.room(), change.account());
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Document before =
          MongoErrors.call("find membership", () -> memberships.find(eq("_id", id)).first());
      Optional<RoomMember> current =
          Optional.ofNullable(before).map(MongoMembershipRepository::fromDocument);
      RoomMember next = change.appliedTo(current);
      if (!compareAndSet(id, before, toDocument(next))) continue;
      boolean wasJoined = current.filter(m -> m.state() == MemberState.JOINED).isPresent();
      boolean isJoined = next.state() == MemberState.JOINED;
      long delta = (isJoined ? 1 : 0) - (wasJoined ? 1 : 0) - (placeReserved ? 1 : 0);
      if (delta != 0) moveCount(change.room(), delta);
      return next;
    }
    throw new UnavailableException("membership record kept changing under a write", null);
  }

  /** Writes {@code next} when the record is still {@code before} (absent when null). */
  private boolean compareAndSet(String id, Document before, Document next) {
    if (before == null) {
      try {
        MongoErrors.run("store membership", () -> memberships.insertOne(next));
        return true;
      } catch (ConflictException writtenMeanwhile) {
        return false;
      }
    }
    Object version = before.get(VERSION);
    Bson unchanged =
        version == null
            ? and(eq("_id", id), exists(VERSION, false))
            : and(eq("_id", id), eq(VERSION, version));
    return MongoErrors.call(
        "store membership", () -> memberships.replaceOne(unchanged, next).getMatchedCount() == 1);
  }

  /** Takes one place below {@code capacity} in the room's counter; false when it is full. */
  private boolean reserve(RoomId room, long capacity) {
    for (int attempt = 0; attempt < 2; attempt++) {
      long matched =
          MongoErrors.call(
              "reserve room place",
              () ->
                  counts
                      .updateOne(
                          and(eq("_id", room.value()), lt("joined", capacity)),
                          Updates.inc("joined", 1L))
                      .getMatchedCount());
      if (matched == 1) return true;
      if (attempt == 0 && !counterExists(room)) createCounter(room);
      else return false;
    }
    return false;
  }

  private boolean counterExists(RoomId room) {
    return MongoErrors.call(
        "read room count", () -> counts.find(eq("_id", room.value())).first() != null);
  }

  /** A room whose records never changed state has no counter yet: it starts at zero. */
  private void createCounter(RoomId room) {
    try {
      MongoErrors.run(
          "create room count",
          () -> counts.insertOne(new Document("_id", room.value()).append("joined", 0L)));
    } catch (ConflictException createdMeanwhile) {
      // another writer made it
    }
  }

  private void moveCount(RoomId room, long delta) {
    for (int attempt = 1; ; attempt++) {
      try {
        MongoErrors.run(
            "move room count",
            () ->
                counts.updateOne(
                    eq("_id", room.value()),
                    Updates.inc("joined", delta),
                    new UpdateOptions().upsert(true)));
        return;
      } catch (ConflictException concurrentCreation) {
        if (attempt == 3)
          throw concurrentCreation; // the counter exists now: the next update finds it
      }
    }
  }

  @Override
  public List<RoomMember> ofAccount(AccountId account) {
    return list("list memberships", eq("account", account.value()), Integer.MAX_VALUE);
  }

  @Override
  public List<RoomMember> inState(
      RoomId room, MemberState state, Optional<AccountId> fromExclusive, int limit) {
    List<Bson> filter =
        new ArrayList<>(List.of(eq("room", room.value()), eq("state", state.name())));
    fromExclusive.ifPresent(f -> filter.add(gt("account", f.value())));
    return list("list members", and(filter), limit);
  }

  @Override
  public long count(RoomId room, MemberState state) {
    return MongoErrors.call(
        "count members",
        () -> memberships.countDocuments(and(eq("room", room.value()), eq("state", state.name()))));
  }

  @Override
  public void deleteRoom(RoomId room) {
    MongoErrors.run("delete memberships", () -> memberships.deleteMany(eq("room", room.value())));
    MongoErrors.run("delete room count", () -> counts.deleteOne(eq("_id", room.value())));
  }

  private List<RoomMember> list(String what, Bson filter, int limit) {
    return MongoErrors.call(
        what,
        () -> {
          List<RoomMember> out = new ArrayList<>();
          for (Document d : memberships.find(filter).sort(Sorts.ascending("account")).limit(limit))
            out.add(fromDocument(d));
          return out;
        });
  }

  private static Document toDocument(RoomMember m) {
    List<Document> changes = new ArrayList<>();
    for (MemberTimeline.Change c : m.timeline().changes()) {
      changes.add(new Document("at", c.at().position()).append("member", c.member()));
    }
    return new Document("_id", key(m.room(), m.account()))
        .append("room", m.room().value())
        .append("account", m.account().value())
        .append("state", m.state().name())
        .append("since", Date.from(m.since()))
        .append("sinceEvent", m.sinceEvent().position())
        .append("memberBefore", m.timeline().memberBefore())
        .append("changes", changes)
        .append(VERSION, new ObjectId());
  }

  /**
   * A record stored before timelines (no {@code changes}) reads as the timeline of its own change.
   */
  private static RoomMember fromDocument(Document d) {
    RoomId room = new RoomId(d.getString("room"));
    AccountId account = new AccountId(d.getString("account"));
    MemberState state = MemberState.valueOf(d.getString("state"));
    Instant since = d.getDate("since").toInstant();
    EventId sinceEvent = new EventId(d.getLong("sinceEvent"));
    List<Document> changes = d.getList("changes", Document.class);
    if (changes == null) return new RoomMember(room, account, state, since, sinceEvent);
    List<MemberTimeline.Change> timeline = new ArrayList<>(changes.size());
    for (Document c : changes)
      timeline.add(new MemberTimeline.Change(new EventId(c.getLong("at")), c.getBoolean("member")));
    return new RoomMember(
        room,
        account,
        state,
        since,
        sinceEvent,
        new MemberTimeline(d.getBoolean("memberBefore"), timeline));
  }
}
