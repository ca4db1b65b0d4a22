package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
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
 */
public final class MongoMembershipRepository implements MembershipRepository {
  private final MongoCollection<Document> memberships;

  public MongoMembershipRepository(MongoDatabase db) {
    this.memberships = MongoErrors.majority(db, MongoIndexes.MEMBERSHIPS);
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
    MongoErrors.run("store membership", () -> memberships.replaceOne(eq("_id", key(member.room(), member.account())),
        toDocument(member), new ReplaceOptions().upsert(true)));
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
