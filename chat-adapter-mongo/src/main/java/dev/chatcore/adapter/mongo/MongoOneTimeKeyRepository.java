package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import dev.chatcore.domain.e2ee.ClaimedKey;
import dev.chatcore.domain.e2ee.DeviceAddress;
import dev.chatcore.domain.e2ee.OneTimeKey;
import dev.chatcore.domain.port.OneTimeKeyRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;

/**
 * One-time keys in {@code one_time_keys}, one document per key: {@code {_id: "account/device/<key
 * id>", device: "account/device", algorithm, json}}; fallback keys in {@code fallback_keys}: {@code
 * {_id: "account/device/<algorithm>", device, algorithm, keyId, json, used}}.
 *
 * <p>A claim is one {@code findOneAndDelete}: the server removes the document it returns, so of any
 * number of concurrent claims on any number of nodes exactly one gets each key. Only when no key is
 * left does a claim make a second call, which marks the fallback key used and returns it.
 * Thread-safe.
 */
public final class MongoOneTimeKeyRepository implements OneTimeKeyRepository {
  private final MongoCollection<Document> keys;
  private final MongoCollection<Document> fallbacks;

  public MongoOneTimeKeyRepository(MongoDatabase db) {
    this.keys = MongoErrors.majority(db, MongoIndexes.ONE_TIME_KEYS);
    this.fallbacks = MongoErrors.majority(db, MongoIndexes.FALLBACK_KEYS);
  }

  private static String id(DeviceAddress device, String suffix) {
    return device.key() + "/" + suffix;
  }

  /** Inserts every key at once; the ones whose id is taken are compared with what is stored. */
  @Override
  public List<String> add(DeviceAddress device, List<OneTimeKey> added) {
    if (added.isEmpty()) return List.of();
    List<Document> docs = new ArrayList<>(added.size());
    for (OneTimeKey k : added) {
      docs.add(
          new Document("_id", id(device, k.id()))
              .append("device", device.key())
              .append("algorithm", k.algorithm())
              .append("json", k.json()));
    }
    List<Integer> taken =
        MongoErrors.call(
            "add one-time keys",
            () -> {
              try {
                keys.insertMany(docs, new InsertManyOptions().ordered(false));
                return List.<Integer>of();
              } catch (MongoBulkWriteException e) {
                if (!MongoErrors.isDuplicateKey(e)) throw e;
                return e.getWriteErrors().stream().map(BulkWriteError::getIndex).toList();
              }
            });
    List<String> refused = new ArrayList<>();
    for (int i : taken) {
      OneTimeKey k = added.get(i);
      Document stored =
          MongoErrors.call(
              "find one-time key", () -> keys.find(eq("_id", id(device, k.id()))).first());
      if (stored != null && !k.json().equals(stored.getString("json"))) refused.add(k.id());
    }
    return refused;
  }

  @Override
  public Map<String, Long> counts(DeviceAddress device) {
    return MongoErrors.call(
        "count one-time keys",
        () -> {
          Map<String, Long> out = new HashMap<>();
          for (Document d :
              keys.aggregate(
                  List.of(
                      Aggregates.match(eq("device", device.key())),
                      Aggregates.group("$algorithm", Accumulators.sum("n", 1))))) {
            out.put(d.getString("_id"), d.get("n", Number.class).longValue());
          }
          return out;
        });
  }

  @Override
  public Optional<ClaimedKey> claim(DeviceAddress device, String algorithm) {
    Document taken =
        MongoErrors.call(
            "claim one-time key",
            () ->
                keys.findOneAndDelete(and(eq("device", device.key()), eq("algorithm", algorithm))));
    if (taken != null) return Optional.of(new ClaimedKey(oneTimeKey(taken), false));
    Document fallback =
        MongoErrors.call(
            "claim fallback key",
            () ->
                fallbacks.findOneAndUpdate(
                    eq("_id", id(device, algorithm)), Updates.set("used", true)));
    return Optional.ofNullable(fallback)
        .map(f -> new ClaimedKey(new OneTimeKey(f.getString("keyId"), f.getString("json")), true));
  }

  private static OneTimeKey oneTimeKey(Document d) {
    String id = d.getString("_id");
    // the key id is what follows "account/device/": the device id has no slash, the key id may
    String keyId = id.substring(d.getString("device").length() + 1);
    return new OneTimeKey(keyId, d.getString("json"));
  }

  /**
   * First replaces a different stored key (which starts unused); when none was replaced, inserts
   * the key unless it is there already, so an upload retried keeps the "used" mark.
   */
  @Override
  public void setFallback(DeviceAddress device, OneTimeKey key) {
    String id = id(device, key.algorithm());
    MongoErrors.run(
        "set fallback key",
        () -> {
          long replaced =
              fallbacks
                  .updateOne(
                      and(eq("_id", id), or(ne("keyId", key.id()), ne("json", key.json()))),
                      Updates.combine(
                          Updates.set("keyId", key.id()),
                          Updates.set("json", key.json()),
                          Updates.set("used", false)))
                  .getMatchedCount();
          if (replaced == 1) return;
          fallbacks.updateOne(
              eq("_id", id),
              Updates.combine(
                  Updates.setOnInsert("device", device.key()),
                  Updates.setOnInsert("algorithm", key.algorithm()),
                  Updates.setOnInsert("keyId", key.id()),
                  Updates.setOnInsert("json", key.json()),
                  Updates.setOnInsert("used", false)),
              new UpdateOptions().upsert(true));
        });
  }

  @Override
  public Set<String> unusedFallbackAlgorithms(DeviceAddress device) {
    return MongoErrors.call(
        "read fallback keys",
        () -> {
          Set<String> out = new HashSet<>();
          for (Document d : fallbacks.find(and(eq("device", device.key()), eq("used", false)))) {
            out.add(d.getString("algorithm"));
          }
          return out;
        });
  }

  @Override
  public void deleteDevice(DeviceAddress device) {
    MongoErrors.run(
        "delete device keys",
        () -> {
          keys.deleteMany(eq("device", device.key()));
          fallbacks.deleteMany(eq("device", device.key()));
        });
  }
}
