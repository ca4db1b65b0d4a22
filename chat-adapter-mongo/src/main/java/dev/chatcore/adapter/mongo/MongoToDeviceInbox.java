package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.ToDeviceMessage;
import dev.chatcore.domain.e2ee.ToDeviceSend;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.ToDeviceInbox;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * To-device sends in {@code to_device}, one document per send, so that storing a send is one atomic
 * insert whatever its number of recipients, and its {@code _id} (the send's key) makes a retried
 * transaction id collide instead of storing twice: {@code {_id: key, position, type, sender:
 * "account/device", pending: ["account/device", ...], messages: [{to: "account/device", content:
 * <text>}], expiresAt: Date}}.
 *
 * <p>A device reads its messages through the multikey index on {@code pending} and position; an
 * acknowledgement pulls the device from {@code pending} and its message from {@code messages}, so
 * the other recipients keep theirs. The document itself stays, empty, until it expires (the purge
 * or the TTL index): that is what remembers the transaction id. Thread-safe.
 */
public final class MongoToDeviceInbox implements ToDeviceInbox {
  private static final String PENDING = "pending";
  private static final String POSITION = "position";
  private static final String EXPIRES_AT = "expiresAt";

  private final MongoCollection<Document> sends;

  public MongoToDeviceInbox(MongoDatabase db) {
    this.sends = MongoErrors.majority(db, MongoIndexes.TO_DEVICE);
  }

  @Override
  public boolean store(ToDeviceSend send, Optional<EventId> replacing) {
    try {
      MongoErrors.run("store to-device send", () -> sends.insertOne(toDocument(send)));
      return true;
    } catch (ConflictException stored) {
      if (replacing.isEmpty()) return false;
      return MongoErrors.call(
          "move to-device send",
          () ->
              sends
                      .updateOne(
                          and(eq("_id", send.key()), eq(POSITION, replacing.get().position())),
                          Updates.set(POSITION, send.position().position()))
                      .getMatchedCount()
                  == 1);
    }
  }

  @Override
  public boolean contains(String sendKey) {
    return MongoErrors.call(
        "find to-device send", () -> sends.find(eq("_id", sendKey)).first() != null);
  }

  @Override
  public List<ToDeviceMessage> read(DeviceAddress device, EventId after, EventId upTo, int limit) {
    if (!upTo.isAfter(after)) return List.of();
    return MongoErrors.call(
        "read to-device messages",
        () -> {
          List<ToDeviceMessage> out = new ArrayList<>();
          for (Document d :
              sends
                  .find(
                      and(
                          eq(PENDING, device.key()),
                          gt(POSITION, after.position()),
                          lte(POSITION, upTo.position())))
                  .sort(Sorts.ascending(POSITION))
                  .limit(limit)) {
            messageFor(d, device).ifPresent(out::add);
          }
          return out;
        });
  }

  @Override
  public long acknowledge(DeviceAddress device, EventId upTo) {
    return MongoErrors.call(
        "acknowledge to-device messages",
        () ->
            sends
                .updateMany(
                    and(eq(PENDING, device.key()), lte(POSITION, upTo.position())), pull(device))
                .getModifiedCount());
  }

  @Override
  public void deleteDevice(DeviceAddress device) {
    MongoErrors.run(
        "delete to-device messages",
        () -> sends.updateMany(eq(PENDING, device.key()), pull(device)));
  }

  private static Bson pull(DeviceAddress device) {
    return Updates.combine(
        Updates.pull(PENDING, device.key()), Updates.pull("messages", eq("to", device.key())));
  }

  @Override
  public long purgeExpired(Instant now) {
    return MongoErrors.call(
        "purge to-device sends",
        () -> sends.deleteMany(lte(EXPIRES_AT, Date.from(now))).getDeletedCount());
  }

  private static Document toDocument(ToDeviceSend send) {
    List<String> pending = new ArrayList<>(send.messages().size());
    List<Document> messages = new ArrayList<>(send.messages().size());
    for (Map.Entry<DeviceAddress, JsonObjectText> m : send.messages().entrySet()) {
      pending.add(m.getKey().key());
      messages.add(new Document("to", m.getKey().key()).append("content", m.getValue().json()));
    }
    return new Document("_id", send.key())
        .append(POSITION, send.position().position())
        .append("type", send.type())
        .append("sender", send.from().key())
        .append(PENDING, pending)
        .append("messages", messages)
        .append(EXPIRES_AT, Date.from(send.expiresAt()));
  }

  private static Optional<ToDeviceMessage> messageFor(Document d, DeviceAddress device) {
    DeviceAddress from = DeviceAddress.ofKey(d.getString("sender"));
    for (Document m : d.getList("messages", Document.class)) {
      if (!device.key().equals(m.getString("to"))) continue;
      return Optional.of(
          new ToDeviceMessage(
              new EventId(d.getLong(POSITION)),
              from.account(),
              from.device(),
              d.getString("type"),
              new JsonObjectText(m.getString("content"))));
    }
    return Optional.empty();
  }
}
