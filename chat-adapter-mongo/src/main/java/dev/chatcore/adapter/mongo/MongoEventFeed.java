package dev.chatcore.adapter.mongo;

import static com.mongodb.client.model.Filters.in;

import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import dev.chatcore.domain.error.ChatException;
import dev.chatcore.domain.error.UnavailableException;
import dev.chatcore.domain.port.EventFeed;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Cross-node notifications on MongoDB. One feed thread follows the {@linkplain StableHead stable
 * head}: whenever it moves from h to h', the rooms (and member targets) of the events in (h, h']
 * are reported. Reporting on the head, not on single inserts, matters: when p+1 is written before
 * p, a sync woken for p+1 finds nothing until p is there, and the report that follows p makes it
 * read again.
 *
 * <p>What makes the thread look: with {@code change_streams}, a change stream on the {@code events}
 * collection (any insert, from any node) plus a one-second safety poll; with {@code polling}, a
 * poll every {@code pollInterval}; and, in both, every append of this process. A store that cannot
 * be reached is retried, with a warning once per outage.
 */
final class MongoEventFeed implements EventFeed {
  private static final Logger LOG = Logger.getLogger(MongoEventFeed.class.getName());
  private static final Duration SAFETY_POLL = Duration.ofSeconds(1);
  private static final Duration RETRY = Duration.ofMillis(250);
  private static final List<Bson> INSERTS =
      List.of(Aggregates.match(in("operationType", List.of("insert"))));

  private final MongoEventLog log;
  private final MongoCollection<Document> events;
  private final boolean changeStreams;
  private final Duration interval;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final Semaphore nudges = new Semaphore(0);
  private final Object lifecycle = new Object();
  private volatile boolean closed;
  private Thread follower;
  private Thread watcher;

  /**
   * Decides the delivery: with {@code AUTO}, a change stream is opened once to learn whether the
   * server has them.
   *
   * @throws UnavailableException with {@code CHANGE_STREAMS} on a server without them
   */
  MongoEventFeed(
      MongoEventLog log,
      MongoCollection<Document> events,
      MongoOptions.SyncDelivery delivery,
      Duration pollInterval) {
    this.log = log;
    this.events = events;
    this.changeStreams =
        switch (delivery) {
          case POLLING -> false;
          case AUTO -> changeStreamsWork(events);
          case CHANGE_STREAMS -> {
            if (!changeStreamsWork(events)) {
              throw new UnavailableException(
                  "the MongoDB server does not support change streams (a replica set does)", null);
            }
            yield true;
          }
        };
    this.interval = changeStreams ? SAFETY_POLL : pollInterval;
    log.onAppend(this::nudge);
  }

  private static boolean changeStreamsWork(MongoCollection<Document> events) {
    try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor =
        events.watch(INSERTS).maxAwaitTime(1, TimeUnit.MILLISECONDS).cursor()) {
      cursor.tryNext();
      return true;
    } catch (MongoException e) {
      return false;
    }
  }

  @Override
  public Subscription subscribe(Listener listener) {
    synchronized (lifecycle) {
      if (closed) throw new IllegalStateException("feed is closed");
      listeners.add(listener);
      if (follower == null) start();
    }
    return () -> listeners.remove(listener);
  }

  @Override
  public String delivery() {
    return changeStreams ? "change_streams" : "polling";
  }

  /** Makes the feed thread look at the head now. */
  void nudge() {
    if (nudges.availablePermits() == 0) nudges.release();
  }

  private void start() {
    long from = log.stableHead().current();
    follower = Thread.ofPlatform().daemon().name("chat-mongo-feed").start(() -> follow(from));
    if (changeStreams)
      watcher = Thread.ofPlatform().daemon().name("chat-mongo-change-stream").start(this::watch);
  }

  private void follow(long from) {
    long reported = from;
    boolean failing = false;
    while (!closed) {
      try {
        nudges.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
        nudges.drainPermits();
        if (closed) return;
        long head = log.stableHead().refresh();
        if (head > reported) {
          MongoEventLog.Changes changes = log.changesBetween(reported, head);
          reported = head;
          for (Listener l : listeners) {
            l.appended(changes.rooms(), changes.accounts());
            if (!changes.created().isEmpty()) l.created(changes.created());
          }
        }
        if (failing) LOG.info("event feed: MongoDB answers again");
        failing = false;
      } catch (InterruptedException e) {
        return;
      } catch (ChatException | MongoException e) {
        if (closed) return;
        if (!failing)
          LOG.warning("event feed: cannot read the stream head, retrying: " + e.getMessage());
        failing = true;
        pause(RETRY);
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "event feed: listener failed", e);
      }
    }
  }

  private void watch() {
    while (!closed) {
      try (MongoChangeStreamCursor<ChangeStreamDocument<Document>> cursor =
          events.watch(INSERTS).maxAwaitTime(250, TimeUnit.MILLISECONDS).cursor()) {
        nudge(); // inserts between two cursors were not seen
        while (!closed) {
          if (cursor.tryNext() != null) nudge();
        }
      } catch (MongoException | IllegalStateException e) {
        if (closed) return;
        pause(RETRY); // the safety poll covers the outage
      }
    }
  }

  private static void pause(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    Thread f;
    Thread w;
    synchronized (lifecycle) {
      if (closed) return;
      closed = true;
      listeners.clear();
      f = follower;
      w = watcher;
    }
    nudge();
    for (Thread t : new Thread[] {f, w}) {
      if (t == null) continue;
      t.interrupt();
      try {
        t.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
