package dev.chatcore.application;

import dev.chatcore.application.stream.PurgeExpiredTickets;
import dev.chatcore.application.stream.StreamRegistry;
import dev.chatcore.application.sync.PurgeExpiredEvents;
import dev.chatcore.application.sync.SyncWaiter;
import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.id.RoomId;
import dev.chatcore.domain.port.EventFeed;
import dev.chatcore.domain.port.RoomRepository;
import dev.chatcore.domain.room.RoomType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The core's background work, started by its host rather than by being built: the subscription to
 * the storage's {@link EventFeed}, so that events appended on other nodes wake the syncs held and
 * the streams open here; the streams' clock tick (lifetimes, keep-alives); and the periodic purge
 * of expired events (typing notices) and stream tickets. {@link #close()} answers every held sync,
 * ends every stream and stops the executors; it does not close the storage, which the caller owns.
 */
@Singleton
public final class CoreRuntime implements AutoCloseable {
  /** How often expired events (typing notices) and stream tickets are purged. */
  public static final Duration PURGE_EVERY = Duration.ofSeconds(5);

  private static final Logger LOG = Logger.getLogger(CoreRuntime.class.getName());

  private final EventFeed feed;
  private final RoomRepository rooms;
  private final SyncWaiter waiter;
  private final StreamRegistry streams;
  private final PurgeExpiredEvents purgeEvents;
  private final PurgeExpiredTickets purgeTickets;
  private final CoreExecutors executors;
  private EventFeed.Subscription subscription;
  private boolean closed;

  /** Builds the runtime, not started. */
  @Inject
  public CoreRuntime(
      EventFeed feed,
      RoomRepository rooms,
      SyncWaiter waiter,
      StreamRegistry streams,
      PurgeExpiredEvents purgeEvents,
      PurgeExpiredTickets purgeTickets,
      CoreExecutors executors) {
    this.feed = feed;
    this.rooms = rooms;
    this.waiter = waiter;
    this.streams = streams;
    this.purgeEvents = purgeEvents;
    this.purgeTickets = purgeTickets;
    this.executors = executors;
  }

  /**
   * Subscribes to the event feed and schedules the streams' tick and the purges. Idempotent.
   *
   * @throws IllegalStateException once closed
   */
  public synchronized void start() {
    if (closed) throw new IllegalStateException("the chat core is closed");
    if (subscription != null) return;
    long tick = streams.tickInterval().toNanos();
    executors.timer().scheduleAtFixedRate(streams::tick, tick, tick, TimeUnit.NANOSECONDS);
    executors
        .timer()
        .scheduleWithFixedDelay(
            this::purgeQuietly,
            PURGE_EVERY.toMillis(),
            PURGE_EVERY.toMillis(),
            TimeUnit.MILLISECONDS);
    subscription =
        feed.subscribe(
            new EventFeed.Listener() {
              @Override
              public void appended(Set<RoomId> appendedRooms, Set<AccountId> accounts) {
                appendedRooms.forEach(waiter::wakeRoom);
                accounts.forEach(waiter::wakeAccount);
              }

              @Override
              public void created(Set<RoomId> createdRooms) {
                wakeForNewChannels(createdRooms);
              }
            });
  }

  /** Answers every held sync and ends every stream, then stops the executors. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) return;
    closed = true;
    if (subscription != null) subscription.close();
    streams.shutdown();
    waiter.shutdown();
    executors.shutdown();
  }

  /**
   * Rooms created on another node: a channel among them is in every account's scope at once, so
   * every waiter here reads again (one lookup per new room; rooms are created rarely).
   */
  private void wakeForNewChannels(Set<RoomId> created) {
    try {
      for (RoomId id : created) {
        if (rooms.find(id).filter(r -> r.type() == RoomType.CHANNEL).isPresent()) {
          waiter.wakeAll();
          return;
        }
      }
    } catch (RuntimeException e) {
      waiter.wakeAll(); // storage trouble: a spurious wake-up costs a read, a missed one a stale
      // stream
    }
  }

  /** A failed purge must not cancel the schedule: it is logged and the next run tries again. */
  private void purgeQuietly() {
    try {
      purgeEvents.purge();
      purgeTickets.purge();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "purging expired events or stream tickets failed", e);
    }
  }
}
