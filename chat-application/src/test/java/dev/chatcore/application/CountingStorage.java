package dev.chatcore.application;

import dev.chatcore.domain.port.ChatStorage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A storage that counts every port call ({@code "ReactionRepository.aggregates"}), for cost tests.
 */
public final class CountingStorage {
  private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
  private final ChatStorage storage;

  public CountingStorage(ChatStorage inner) {
    this.storage = inner.decorated(this::counted);
  }

  /** The storage whose port calls are counted. */
  public ChatStorage storage() {
    return storage;
  }

  /** Calls of {@code Port.method} since the last {@link #reset()}. */
  public long calls(String portAndMethod) {
    AtomicLong n = calls.get(portAndMethod);
    return n == null ? 0 : n.get();
  }

  /** Total calls to one port since the last reset. */
  public long callsTo(Class<?> port) {
    String prefix = port.getSimpleName() + ".";
    return calls.entrySet().stream()
        .filter(e -> e.getKey().startsWith(prefix))
        .mapToLong(e -> e.getValue().get())
        .sum();
  }

  public void reset() {
    calls.clear();
  }

  private <T> T counted(Class<T> port, T target) {
    return port.cast(
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (proxy, method, args) -> {
              calls
                  .computeIfAbsent(
                      port.getSimpleName() + "." + method.getName(), k -> new AtomicLong())
                  .incrementAndGet();
              try {
                return method.invoke(target, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
