package dev.chatcore.server.metrics;

import dev.chatcore.domain.event.Event;
import dev.chatcore.domain.port.EventFeed;
import dev.chatcore.domain.port.EventLog;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The feed's lag, {@code chat_feed_lag_seconds}: on each notification of the feed (events became
 * readable on this node, from any node), now minus the {@code origin_server_ts} of the newest
 * readable event. It is how late a node learns of events: the writer's append, the majority
 * acknowledgement, and the feed's poll or change-stream delay, plus the skew between the writer's
 * clock and this one. Only a store that shares events between nodes notifies (MongoDB); the memory
 * store's local feed never does, so its histogram stays empty.
 *
 * <p>The listener must be quick (it runs on the feed's thread), so the sample is read on a virtual
 * thread, at most one at a time: a notification arriving while one is read is not sampled (the
 * sample in flight already reads the newest event).
 */
final class FeedLag implements EventFeed {
  private static final Duration[] BUCKETS = {
    Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
    Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5),
    Duration.ofSeconds(10), Duration.ofSeconds(30)
  };

  private final EventFeed feed;
  private final EventLog events;
  private final Clock clock;
  private final Timer lag;
  private final AtomicBoolean sampling = new AtomicBoolean();

  /**
   * @param events the log read for samples (not a measured one: samples are not the core's calls)
   */
  FeedLag(EventFeed feed, EventLog events, Clock clock, MeterRegistry registry) {
    this.feed = feed;
    this.events = events;
    this.clock = clock;
    this.lag =
        Timer.builder("chat.feed.lag")
            .description(
                "Now minus the timestamp of the newest readable event, at each cross-node feed notification")
            .serviceLevelObjectives(BUCKETS)
            .register(registry);
  }

  @Override
  public Subscription subscribe(Listener listener) {
    return feed.subscribe(
        (rooms, accounts) -> {
          listener.appended(rooms, accounts);
          sample();
        });
  }

  @Override
  public String delivery() {
    return feed.delivery();
  }

  @Override
  public void close() {
    feed.close();
  }

  private void sample() {
    if (!sampling.compareAndSet(false, true)) return;
    Thread.ofVirtual()
        .name("chat-feed-lag")
        .start(
            () -> {
              try {
                newest()
                    .ifPresent(
                        e ->
                            lag.record(
                                Math.max(0, clock.millis() - e.originTs().toEpochMilli()),
                                TimeUnit.MILLISECONDS));
              } catch (RuntimeException e) {
                // the store failed: the storage metrics and the feed's own warning show that; no
                // sample
              } finally {
                sampling.set(false);
              }
            });
  }

  /** Empty when the head is no event (a placeholder of an abandoned position, or purged). */
  private Optional<Event> newest() {
    return events.find(events.head());
  }
}
