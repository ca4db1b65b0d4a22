package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * The stream's stable head: the highest position h such that every position up to h holds a
 * document, an event or the placeholder of an abandoned position. Nothing can appear at or below h
 * any more (the {@code _id} index is unique), so readers that never look above h never skip.
 *
 * <p>A position is empty while its writer is between taking it from the counter and inserting
 * (milliseconds), or forever when the writer died in between. A reader that sees a position empty
 * below a written one for longer than {@code gapGrace} (its own clock, so clocks of nodes need not
 * agree) inserts the placeholder. The unique {@code _id} decides the race with a late writer:
 * whichever insert comes first wins, and a writer that loses takes a new position, so neither a
 * skip nor a duplicate is possible whatever the grace.
 *
 * <p>The head is known per process (monotone) and saved, now and then, in the {@code counters}
 * collection, so that a starting node begins from it rather than from position 0 (positions below
 * it may be purged by retention). Thread-safe.
 */
final class StableHead {
  static final String DOC_ID = "stable_head";
  private static final int WINDOW = 512;
  private static final long PERSIST_EVERY_NANOS = Duration.ofMillis(200).toNanos();

  private final MongoCollection<Document> events;
  private final MongoCollection<Document> counters;
  private final long graceNanos;
  private final AtomicLong known = new AtomicLong();
  private final Map<Long, Long> emptySince = new ConcurrentHashMap<>();
  private volatile long persisted;
  private volatile long persistedAtNanos;

  StableHead(
      MongoCollection<Document> events, MongoCollection<Document> counters, Duration gapGrace) {
    this.events = events;
    this.counters = counters;
    this.graceNanos = gapGrace.toNanos();
    long start = MongoErrors.call("read stream head", this::initial);
    known.set(start);
    persisted = start;
    refresh(); // the saved head lags (it is saved now and then): catch up before serving reads
  }

  /** The head as last computed in this process (no store access). */
  long current() {
    return known.get();
  }

  /**
   * Reads the store and advances the head as far as the positions allow, placing placeholders in
   * positions abandoned for longer than the grace.
   */
  long refresh() {
    return MongoErrors.call(
        "read stream head",
        () -> {
          long stable = known.get();
          boolean more = true;
          while (more) {
            List<Long> ids = positionsAfter(stable);
            more = ids.size() == WINDOW;
            for (long id : ids) {
              for (long gap = stable + 1; gap < id; gap++) {
                if (!settle(gap)) {
                  more = false;
                  noteEmpty(gap, ids);
                  break;
                }
                stable = gap;
              }
              if (stable != id - 1) break;
              stable = id;
            }
          }
          advance(stable);
          return known.get();
        });
  }

  /**
   * True once this process filled the empty position with a placeholder (acknowledged by a
   * majority, so the next majority read sees it). A duplicate key means a document is there that
   * this reader cannot see yet (a late event, or another node's placeholder, not yet
   * majority-committed): the position counts only once a read shows it, else a reader could pass an
   * event that becomes visible later.
   */
  private boolean settle(long position) {
    long now = System.nanoTime();
    Long since = emptySince.putIfAbsent(position, now);
    if (since == null || now - since < graceNanos) return false;
    try {
      events.insertOne(EventDocuments.burned(position));
    } catch (MongoException e) {
      if (MongoErrors.isDuplicateKey(e)) return false;
      throw e;
    }
    emptySince.remove(position);
    return true;
  }

  /**
   * Starts the grace of every other empty position of the window at once, not one after another.
   */
  private void noteEmpty(long firstGap, List<Long> ids) {
    Set<Long> present = new HashSet<>(ids);
    long now = System.nanoTime();
    long last = ids.get(ids.size() - 1);
    for (long p = firstGap + 1; p < last; p++) {
      if (!present.contains(p)) emptySince.putIfAbsent(p, now);
    }
  }

  private void advance(long stable) {
    long head = known.accumulateAndGet(stable, Math::max);
    emptySince.keySet().removeIf(p -> p <= head);
    long now = System.nanoTime();
    if (head > persisted && now - persistedAtNanos > PERSIST_EVERY_NANOS) {
      persistedAtNanos = now;
      counters.updateOne(
          eq("_id", DOC_ID), Updates.max("pos", head), new UpdateOptions().upsert(true));
      persisted = head;
    }
  }

  private List<Long> positionsAfter(long position) {
    List<Long> ids = new ArrayList<>();
    for (Document d :
        events
            .find(gt("_id", position))
            .projection(Projections.include("_id"))
            .sort(Sorts.ascending("_id"))
            .limit(WINDOW)) {
      ids.add(d.getLong("_id"));
    }
    return ids;
  }

  /**
   * Where this process starts: the saved head; on a store that never saved one, just below its
   * lowest position (0 when empty), since nothing below an existing log's first event matters.
   */
  private long initial() {
    Document saved = counters.find(eq("_id", DOC_ID)).first();
    if (saved != null) return saved.getLong("pos");
    Document lowest =
        events.find().projection(Projections.include("_id")).sort(Sorts.ascending("_id")).first();
    return lowest == null ? 0 : lowest.getLong("_id") - 1;
  }
}
