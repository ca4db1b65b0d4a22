package dev.chatcore.adapter.mongo;

import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.event.EventContent;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.event.Membership;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.id.RoomId;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * Events as documents of the {@code events} collection: {@code {_id: <position>, room, sender, ts:
 * Date, type: "m.plain", msg: bool, content: {...}, txn?, txnKey?, target?, expiresAt?: Date,
 * updatedAt?: Date, editedBy?}} ({@code updatedAt} and {@code editedBy} once an admin edited the
 * message). Positions that were abandoned hold {@code {_id, burned: true}} and nothing else. A new
 * {@link EventContent} type needs a case in both switches below.
 */
final class EventDocuments {
  static final String ID = "_id";
  static final String ROOM = "room";
  static final String MSG = "msg";
  static final String TXN_KEY = "txnKey";
  static final String TARGET = "target";
  static final String BURNED = "burned";
  static final String EXPIRES_AT = "expiresAt";
  static final String UPDATED_AT = "updatedAt";
  static final String EDITED_BY = "editedBy";
  static final String CONTENT = "content";
  static final String TYPE = "type";
  static final String WAKE_ROOMS = "wakeRooms";
  static final String WAKE_ACCOUNTS = "wakeAccounts";

  private EventDocuments() {}

  /**
   * The unique idempotency key of a transaction id: the sender is 24 hex, so no clash is possible.
   */
  static String txnKey(AccountId sender, String txnId) {
    return sender.value() + "/" + txnId;
  }

  static Document toDocument(Event event) {
    Document d =
        new Document(ID, event.id().position())
            .append(ROOM, event.room().value())
            .append("sender", event.sender().value())
            .append("ts", Date.from(event.originTs()))
            .append(TYPE, event.type().wireName())
            .append(MSG, event.isMessage())
            .append("content", content(event.content()));
    event.txnId().ifPresent(t -> d.append("txn", t).append(TXN_KEY, txnKey(event.sender(), t)));
    if (event.content() instanceof EventContent.Member m) d.append(TARGET, m.target().value());
    event.expiresAt().ifPresent(at -> d.append(EXPIRES_AT, Date.from(at)));
    event.updatedAt().ifPresent(at -> d.append(UPDATED_AT, Date.from(at)));
    event.editedBy().ifPresent(a -> d.append(EDITED_BY, a.value()));
    return d;
  }

  /** The placeholder of an abandoned position: a document without a room, so no query finds it. */
  static Document burned(long position) {
    return new Document(ID, position).append(BURNED, true);
  }

  /**
   * A mark ({@link MongoEventLog#mark}): no room, so no read finds it; the rooms and accounts the
   * feed reports (both always present, so the feed's filter finds every mark).
   */
  static Document mark(long position, Set<RoomId> rooms, Set<AccountId> accounts, Date expiresAt) {
    return new Document(ID, position)
        .append(WAKE_ROOMS, rooms.stream().map(RoomId::value).toList())
        .append(WAKE_ACCOUNTS, accounts.stream().map(AccountId::value).toList())
        .append(EXPIRES_AT, expiresAt);
  }

  static Event fromDocument(Document d) {
    return new Event(
        new EventId(d.getLong(ID)),
        new RoomId(d.getString(ROOM)),
        new AccountId(d.getString("sender")),
        d.getDate("ts").toInstant(),
        content(d.getString("type"), d.get("content", Document.class)),
        Optional.ofNullable(d.getString("txn")),
        Optional.ofNullable(d.getDate(EXPIRES_AT)).map(Date::toInstant),
        Optional.ofNullable(d.getDate(UPDATED_AT)).map(Date::toInstant),
        Optional.ofNullable(d.getString(EDITED_BY)).map(AccountId::new));
  }

  /** The stored {@code content} sub-document of an event. */
  static Document content(EventContent content) {
    return switch (content) {
      case EventContent.Message m -> {
        Document c = new Document("text", m.text());
        m.context().ifPresent(x -> c.append("context", x.json()));
        yield c;
      }
      case EventContent.RoomCreated c -> new Document("name", c.name());
      case EventContent.RoomDeleted d -> new Document();
      case EventContent.Member m ->
          new Document("target", m.target().value()).append("membership", m.membership().name());
      case EventContent.Reaction r ->
          new Document("event", r.target().position())
              .append("key", r.key())
              .append("added", r.added());
      case EventContent.Typing t ->
          new Document("userIds", t.userIds().stream().map(AccountId::value).toList())
              .append("timeoutMs", t.timeout().toMillis());
      case EventContent.Receipt r ->
          new Document("user", r.user().value()).append("upTo", r.upTo().position());
      case EventContent.Edit e -> {
        Document c = new Document("event", e.target().position()).append("text", e.text());
        e.context().ifPresent(x -> c.append("context", x.json()));
        yield c;
      }
      case EventContent.Redaction r -> new Document("event", r.target().position());
      case EventContent.Encrypted e -> {
        Document c =
            new Document("algorithm", e.algorithm())
                .append("ciphertext", e.ciphertext())
                .append("session_id", e.sessionId())
                .append("device_id", e.device().value());
        e.senderKey().ifPresent(k -> c.append("sender_key", k));
        yield c;
      }
      case EventContent.Encryption e -> new Document("algorithm", e.algorithm());
    };
  }

  private static EventContent content(String type, Document c) {
    return switch (type) {
      case "m.plain" ->
          new EventContent.Message(
              c.getString("text"),
              Optional.ofNullable(c.getString("context")).map(JsonObjectText::new));
      case "m.room.created" -> new EventContent.RoomCreated(c.getString("name"));
      case "m.room.deleted" -> new EventContent.RoomDeleted();
      case "m.member" ->
          new EventContent.Member(
              new AccountId(c.getString("target")), Membership.valueOf(c.getString("membership")));
      case "m.reaction" ->
          new EventContent.Reaction(
              new EventId(c.getLong("event")), c.getString("key"), c.getBoolean("added"));
      case "m.typing" ->
          new EventContent.Typing(
              c.getList("userIds", String.class).stream().map(AccountId::new).toList(),
              Duration.ofMillis(c.getLong("timeoutMs")));
      case "m.receipt" ->
          new EventContent.Receipt(
              new AccountId(c.getString("user")), new EventId(c.getLong("upTo")));
      case "m.edit" ->
          new EventContent.Edit(
              new EventId(c.getLong("event")),
              c.getString("text"),
              Optional.ofNullable(c.getString("context")).map(JsonObjectText::new));
      case "m.redaction" -> new EventContent.Redaction(new EventId(c.getLong("event")));
      case "m.encrypted" ->
          new EventContent.Encrypted(
              c.getString("algorithm"),
              c.getString("ciphertext"),
              Optional.ofNullable(c.getString("sender_key")),
              c.getString("session_id"),
              new DeviceId(c.getString("device_id")));
      case "m.encryption" -> new EventContent.Encryption(c.getString("algorithm"));
      default -> throw new IllegalStateException("unknown stored event type " + type);
    };
  }
}
