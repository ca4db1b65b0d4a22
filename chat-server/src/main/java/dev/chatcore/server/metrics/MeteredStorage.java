package dev.chatcore.server.metrics;

import dev.chatcore.domain.port.ChatStorage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;

/**
 * A storage whose every port call is timed by {@link StorageTimers} (port, method, outcome), and
 * whose feed measures its lag ({@link FeedLag}). Works on any adapter: it sees only the ports. The
 * port views are made once, so the per-call cost is the timing itself.
 */
final class MeteredStorage {
  private MeteredStorage() {}

  static ChatStorage of(ChatStorage storage, MeterRegistry registry, Clock clock) {
    StorageTimers timers = new StorageTimers(registry);
    ChatStorage.Lifecycle lifecycle = storage.lifecycle();
    return storage.decorated(timers::timed).toBuilder()
        // the lag samples read the store itself: they are not the core's storage operations
        .feed(new FeedLag(storage.feed(), storage.events(), clock, registry))
        .lifecycle(
            new ChatStorage.Lifecycle() {
              /**
               * The readiness ping is a storage call too: {@code port="ChatStorage",
               * method="checkReady"}.
               */
              @Override
              public void checkReady() {
                timers.run("ChatStorage", "checkReady", lifecycle::checkReady);
              }

              @Override
              public String kind() {
                return lifecycle.kind();
              }

              @Override
              public void close() {
                lifecycle.close(); // closes its feed: FeedLag holds nothing of its own
              }
            })
        .build();
  }
}
