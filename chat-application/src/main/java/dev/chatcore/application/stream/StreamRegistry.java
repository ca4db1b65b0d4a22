package dev.chatcore.application.stream;

import dev.chatcore.domain.id.AccountId;
import dev.chatcore.domain.policy.Limits;
import dev.chatcore.domain.policy.StreamLimits;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every open live stream of this node: the per-account cap (opening one more than {@code
 * perAccount} ends the account's oldest), the clock tick that ends streams at their lifetime and
 * sends keep-alives to silent ones, and the end of them all when the server stops.
 *
 * <p>One periodic {@link #tick} walks every stream instead of a timer per stream: a waiting stream
 * then costs one set entry, not a scheduled task, and ten thousand of them take well under a
 * millisecond a tick. Thread-safe; one per node (containers: a singleton), since the cap counts
 * every stream of an account here.
 */
@Singleton
public final class StreamRegistry {
  private static final long MIN_TICK_NANOS = Duration.ofMillis(10).toNanos();
  private static final long MAX_TICK_NANOS = Duration.ofSeconds(1).toNanos();

  private final StreamLimits limits;
  private final Map<AccountId, Deque<LiveStream>> byAccount = new ConcurrentHashMap<>();
  private final Set<LiveStream> open = ConcurrentHashMap.newKeySet();
  private volatile boolean shutDown;

  @Inject
  public StreamRegistry(Limits limits) {
    this.limits = limits.streams();
  }

  /**
   * How often {@link #tick} should run: a quarter of the shorter of heartbeat and lifetime (so
   * either is kept to within a quarter of itself), between 10 ms and 1 s.
   */
  public Duration tickInterval() {
    long shorter = Math.min(limits.heartbeat().toNanos(), limits.lifetime().toNanos());
    return Duration.ofNanos(Math.clamp(shorter / 4, MIN_TICK_NANOS, MAX_TICK_NANOS));
  }

  /** Streams open now. */
  public int openCount() {
    return open.size();
  }

  /** Ends streams that reached their lifetime and sends keep-alives to silent ones. */
  public void tick() {
    long now = System.nanoTime(); // monotonic: these are bounds on a connection, not domain time
    long heartbeat = limits.heartbeat().toNanos();
    for (LiveStream s : open) s.tick(now, heartbeat);
  }

  /** Ends every open stream, and every stream opened from now on. Idempotent. */
  public void shutdown() {
    shutDown = true;
    for (LiveStream s : open) s.end(StreamEnd.of(StreamEnd.Reason.SHUTDOWN));
  }

  void add(LiveStream stream) {
    LiveStream[] oldest = new LiveStream[1];
    if (stream.capped())
      byAccount.compute(
          stream.account(),
          (a, mine) -> {
            Deque<LiveStream> streams = mine == null ? new ArrayDeque<>() : mine;
            streams.addLast(stream);
            if (streams.size() > limits.perAccount()) oldest[0] = streams.pollFirst();
            return streams;
          });
    open.add(stream);
    if (oldest[0] != null) oldest[0].end(StreamEnd.of(StreamEnd.Reason.REPLACED));
    if (shutDown)
      stream.end(
          StreamEnd.of(StreamEnd.Reason.SHUTDOWN)); // after add: shutdown() may have missed it
  }

  void remove(LiveStream stream) {
    open.remove(stream);
    byAccount.computeIfPresent(
        stream.account(),
        (a, mine) -> {
          mine.remove(stream);
          return mine.isEmpty() ? null : mine;
        });
  }
}
