package dev.chatcore.server.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times storage calls as {@code chat_storage_operations_seconds{port,method,outcome}}: port is the
 * port interface ({@code EventLog}), method its method ({@code append}; overloads share one name),
 * outcome a {@link StorageOutcome}. A series exists once its combination happened, so a store that
 * never failed shows no error series. Ports are wrapped by a JDK dynamic proxy, so a method added
 * to a port is measured without a change here.
 */
final class StorageTimers {
  /** From an in-memory call to a MongoDB timeout (3 s by default). */
  private static final Duration[] BUCKETS = {
    Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(5),
    Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
    Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)
  };

  private record Key(String port, String method, StorageOutcome outcome) {}

  private final MeterRegistry registry;
  // Micrometer finds a meter by building and sorting its tags on every call; this finds it by one
  // hash
  private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

  StorageTimers(MeterRegistry registry) {
    this.registry = registry;
  }

  /** {@code target} as a {@code port} whose every call is timed. */
  <T> T timed(Class<T> port, T target) {
    String name = port.getSimpleName();
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              if (method.getDeclaringClass() == Object.class) return method.invoke(target, args);
              long start = System.nanoTime();
              try {
                Object result = method.invoke(target, args);
                record(name, method.getName(), StorageOutcome.OK, start);
                return result;
              } catch (InvocationTargetException e) {
                record(name, method.getName(), StorageOutcome.of(e.getCause()), start);
                throw e.getCause();
              }
            }));
  }

  /** Runs {@code call} timed as {@code port.method}. */
  void run(String port, String method, Runnable call) {
    long start = System.nanoTime();
    try {
      call.run();
      record(port, method, StorageOutcome.OK, start);
    } catch (RuntimeException | Error e) {
      record(port, method, StorageOutcome.of(e), start);
      throw e;
    }
  }

  private void record(String port, String method, StorageOutcome outcome, long start) {
    timers
        .computeIfAbsent(new Key(port, method, outcome), this::timer)
        .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
  }

  private Timer timer(Key key) {
    return Timer.builder("chat.storage.operations")
        .description("Storage port calls by port, method and outcome")
        .tag("port", key.port())
        .tag("method", key.method())
        .tag("outcome", key.outcome().label)
        .serviceLevelObjectives(BUCKETS)
        .register(registry);
  }
}
