package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.e2ee.Device;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.DeviceId;
import dev.chatcore.domain.e2ee.DeviceKeys;
import dev.chatcore.domain.error.ConflictException;
import dev.chatcore.domain.event.JsonObjectText;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.EventId;
import dev.chatcore.domain.port.DeviceRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Devices in {@code devices}, one document per device: {@code {_id: "account/device", account,
 * device, lastSeen: Date, keys?: <text>, identityKey?, signingKey?}}; device-list changes in {@code
 * device_changes}: {@code {_id: <position>, account}}.
 *
 * <p>A key upload is one conditional update "set these keys where the device has none", upserting
 * the device: of concurrent first uploads one inserts and the others collide on {@code _id}, and
 * then find keys of some identity stored (theirs or another). Thread-safe.
 */
public final class MongoDeviceRepository implements DeviceRepository {
  private static final String KEYS = "keys";
  private static final String IDENTITY = "identityKey";
  private static final String SIGNING = "signingKey";
  private static final String LAST_SEEN = "lastSeen";

  private final MongoCollection<Document> devices;
  private final MongoCollection<Document> changes;

  public MongoDeviceRepository(MongoDatabase db) {
    this.devices = MongoErrors.majority(db, MongoIndexes.DEVICES);
    this.changes = MongoErrors.majority(db, MongoIndexes.DEVICE_CHANGES);
  }

  @Override
  public void touch(DeviceAddress device, Instant at) {
    MongoErrors.run(
        "record device",
        () ->
            devices.updateOne(
                eq("_id", device.key()),
                Updates.combine(Updates.max(LAST_SEEN, Date.from(at)), onInsert(device)),
                new UpdateOptions().upsert(true)));
  }

  private static Bson onInsert(DeviceAddress device) {
    return Updates.combine(
        Updates.setOnInsert("account", device.account().value()),
        Updates.setOnInsert("device", device.device().value()));
  }

  @Override
  public KeyUpload storeKeys(DeviceAddress device, DeviceKeys keys, Instant at) {
    try {
      MongoErrors.run(
          "store device keys",
          () ->
              devices.updateOne(
                  and(eq("_id", device.key()), exists(IDENTITY, false)),
                  Updates.combine(
                      setKeys(keys), Updates.max(LAST_SEEN, Date.from(at)), onInsert(device)),
                  new UpdateOptions().upsert(true)));
      return KeyUpload.NEW; // the device had no keys, or did not exist
    } catch (ConflictException hasKeys) {
      // the device has keys: compare identities below
    }
    Device existing = find(device).orElse(null);
    if (existing == null || existing.keys().isEmpty())
      return storeKeys(device, keys, at); // deleted meanwhile
    DeviceKeys old = existing.keys().get();
    if (!old.sameIdentityAs(keys)) return KeyUpload.IDENTITY_MISMATCH;
    if (old.equals(keys)) return KeyUpload.UNCHANGED;
    long replaced =
        MongoErrors.call(
                "replace device keys",
                () ->
                    devices.updateOne(
                        and(
                            eq("_id", device.key()),
                            eq(IDENTITY, keys.identityKey()),
                            eq(SIGNING, keys.signingKey())),
                        Updates.combine(setKeys(keys), Updates.max(LAST_SEEN, Date.from(at)))))
            .getMatchedCount();
    return replaced == 1 ? KeyUpload.REPLACED : storeKeys(device, keys, at);
  }

  private static Bson setKeys(DeviceKeys keys) {
    return Updates.combine(
        Updates.set(KEYS, keys.json().json()),
        Updates.set(IDENTITY, keys.identityKey()),
        Updates.set(SIGNING, keys.signingKey()));
  }

  @Override
  public Optional<Device> find(DeviceAddress device) {
    return MongoErrors.call(
        "find device",
        () ->
            Optional.ofNullable(devices.find(eq("_id", device.key())).first())
                .map(MongoDeviceRepository::fromDocument));
  }

  @Override
  public List<Device> ofAccount(AccountId account) {
    return MongoErrors.call(
        "list devices",
        () -> {
          List<Device> out = new ArrayList<>();
          for (Document d :
              devices.find(eq("account", account.value())).sort(Sorts.ascending("device"))) {
            out.add(fromDocument(d));
          }
          return out;
        });
  }

  @Override
  public boolean delete(DeviceAddress device) {
    return MongoErrors.call(
        "delete device", () -> devices.deleteOne(eq("_id", device.key())).getDeletedCount() == 1);
  }

  @Override
  public void recordChange(AccountId account, EventId at, Optional<EventId> replacing) {
    MongoErrors.run(
        "record device-list change",
        () -> {
          changes.replaceOne(
              eq("_id", at.position()),
              new Document("_id", at.position()).append("account", account.value()),
              new ReplaceOptions().upsert(true));
          replacing.ifPresent(
              r -> changes.deleteOne(and(eq("_id", r.position()), eq("account", account.value()))));
        });
  }

  @Override
  public Set<AccountId> changedBetween(EventId after, EventId upTo) {
    if (!upTo.isAfter(after)) return Set.of();
    return MongoErrors.call(
        "read device-list changes",
        () -> {
          Set<AccountId> out = new HashSet<>();
          for (Document d :
              changes.find(and(gt("_id", after.position()), lte("_id", upTo.position())))) {
            out.add(new AccountId(d.getString("account")));
          }
          return out;
        });
  }

  private static Device fromDocument(Document d) {
    DeviceAddress address =
        new DeviceAddress(
            new AccountId(d.getString("account")), new DeviceId(d.getString("device")));
    Optional<DeviceKeys> keys =
        Optional.ofNullable(d.getString(KEYS))
            .map(
                k ->
                    new DeviceKeys(
                        new JsonObjectText(k), d.getString(IDENTITY), d.getString(SIGNING)));
    return new Device(address, d.getDate(LAST_SEEN).toInstant(), keys);
  }
}
