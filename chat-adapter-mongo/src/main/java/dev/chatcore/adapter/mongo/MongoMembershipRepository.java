package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.ne;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndReplaceOptions;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.error.ConflictException;
import com.mongodb.client.model.Sorts;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.MembershipRepository;
import dev.chatcore.domain.room.MemberState;
import dev.chatcore.domain.room.RoomMember;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Membership records in the {@code memberships} collection, one document per (room, account)
 * with {@code _id = "<room>:<account>"}: {@code {_id, room, account, state, since: Date,
 * sinceEvent}}. A put is one upserting replace, atomic per record. Thread-safe.
 *
 * <p><b>Capacity.</b> {@link #joinIfBelow} never reads-then-writes: each room has a counter of
 * its JOINED records in {@code member_counts} ({@code {_id: room, joined}}), and a join first
 * reserves a place with one conditional update ({@code joined < capacity}, {@code $inc 1}),
 * atomic on the one document whichever node runs it, then writes its record; an account that
 * turns out to be JOINED already gives the place back. Every {@link #put} keeps the counter
 * right: it replaces the record with {@code findOneAndReplace} and moves the counter by the
 * change of state it replaced (JOINED to another state: -1, the reverse: +1). The counter is
 * the admission gate only; {@link #count} counts the records themselves.
 */
public final class MongoMembershipRepository implements MembershipRepository {
  private static final String JOINED = MemberState.JOINED.name();

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
    return MongoErrors.call("find membership", () -> Optional.ofNullable(
        memberships.find(eq("_id", key(room, account))).first()).map(MongoMembershipRepository::fromDocument));
  }

  @Override
  public void put(RoomMember member) {
    Document before = MongoErrors.call("store membership", () -> memberships.findOneAndReplace(
        eq("_id", key(member.room(), member.account())), toDocument(member),
        new FindOneAndReplaceOptions().upsert(true).returnDocument(ReturnDocument.BEFORE)));
    boolean wasJoined = before != null && JOINED.equals(before.getString("state"));
    boolean isJoined = member.state() == MemberState.JOINED;
    if (wasJoined != isJoined) moveCount(member.room(), isJoined ? 1 : -1);
  }

  @Override
  public boolean joinIfBelow(RoomMember member, long capacity) {
    if (member.state() != MemberState.JOINED) throw new IllegalArgumentException("joinIfBelow needs a JOINED record");
    String id = key(member.room(), member.account());
    if (find(member.room(), member.account()).filter(m -> m.state() == MemberState.JOINED).isPresent()) {
      put(member); // already a member: replace the record, the count does not move
      return true;
    }
    if (!reserve(member.room(), capacity)) return false;
    try {
      // only a record that is not JOINED may be replaced: a JOINED one makes the upsert a duplicate
      MongoErrors.run("join room", () -> memberships.replaceOne(and(eq("_id", id), ne("state", JOINED)),
          toDocument(member), new ReplaceOptions().upsert(true)));
      return true;
    } catch (ConflictException joinedMeanwhile) {
      moveCount(member.room(), -1); // a concurrent join of the same account holds a place already
      put(member);
      return true;
    } catch (RuntimeException e) {
      moveCount(member.room(), -1);
      throw e;
    }
  }

  /** Takes one place below {@code capacity} in the room's counter; false when it is full. */
  private boolean reserve(RoomId room, long capacity) {
    for (int attempt = 0; attempt < 2; attempt++) {
      long matched = MongoErrors.call("reserve room place", () -> counts.updateOne(
          and(eq("_id", room.value()), lt("joined", capacity)), Updates.inc("joined", 1L)).getMatchedCount());
      if (matched == 1) return true;
      if (attempt == 0 && !counterExists(room)) createCounter(room);
      else return false;
    }
    return false;
  }

  private boolean counterExists(RoomId room) {
    return MongoErrors.call("read room count", () -> counts.find(eq("_id", room.value())).first() != null);
  }

  /** A room whose records never changed state has no counter yet: it starts at zero. */
  private void createCounter(RoomId room) {
    try {
      MongoErrors.run("create room count", () -> counts.insertOne(new Document("_id", room.value()).append("joined", 0L)));
    } catch (ConflictException createdMeanwhile) {
      // another writer made it
    }
  }

  private void moveCount(RoomId room, long delta) {
    for (int attempt = 1; ; attempt++) {
      try {
        MongoErrors.run("move room count", () -> counts.updateOne(eq("_id", room.value()), Updates.inc("joined", delta),
            new UpdateOptions().upsert(true)));
        return;
      } catch (ConflictException concurrentCreation) {
        if (attempt == 3) throw concurrentCreation; // the counter exists now: the next update finds it
      }
    }
  }

  @Override
  public List<RoomMember> ofAccount(AccountId account) {
    return list("list memberships", eq("account", account.value()), Integer.MAX_VALUE);
  }

  @Override
  public List<RoomMember> inState(RoomId room, MemberState state, Optional<AccountId> fromExclusive, int limit) {
    List<Bson> filter = new ArrayList<>(List.of(eq("room", room.value()), eq("state", state.name())));
    fromExclusive.ifPresent(f -> filter.add(gt("account", f.value())));
    return list("list members", and(filter), limit);
  }

  @Override
  public long count(RoomId room, MemberState state) {
    return MongoErrors.call("count members",
        () -> memberships.countDocuments(and(eq("room", room.value()), eq("state", state.name()))));
  }

  @Override
  public void deleteRoom(RoomId room) {
    MongoErrors.run("delete memberships", () -> memberships.deleteMany(eq("room", room.value())));
    MongoErrors.run("delete room count", () -> counts.deleteOne(eq("_id", room.value())));
  }

  private List<RoomMember> list(String what, Bson filter, int limit) {
    return MongoErrors.call(what, () -> {
      List<RoomMember> out = new ArrayList<>();
      for (Document d : memberships.find(filter).sort(Sorts.ascending("account")).limit(limit)) out.add(fromDocument(d));
      return out;
    });
  }

  private static Document toDocument(RoomMember m) {
    return new Document("_id", key(m.room(), m.account()))
        .append("room", m.room().value())
        .append("account", m.account().value())
        .append("state", m.state().name())
        .append("since", Date.from(m.since()))
        .append("sinceEvent", m.sinceEvent().position());
  }

  private static RoomMember fromDocument(Document d) {
    return new RoomMember(new RoomId(d.getString("room")), new AccountId(d.getString("account")),
        MemberState.valueOf(d.getString("state")), d.getDate("since").toInstant(), new EventId(d.getLong("sinceEvent")));
  }
}
