package dev.chatcore.adapter.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs an action when the client's connection closes while a held request waits (the client
 * went away), so its waiter is released at once instead of at the timeout. Undertow keeps close
 * listeners for the connection's whole life, so this registers one per connection and swaps the
 * action per held request, rather than adding one listener per request on keep-alive connections.
 */
final class ConnectionWatch {
  private final Map<ServerConnection, AtomicReference<Runnable>> watched = new ConcurrentHashMap<>();

  void onClose(HttpServerExchange exchange, Runnable action) {
    ServerConnection connection = exchange.getConnection();
    AtomicReference<Runnable> slot = watched.computeIfAbsent(connection, c -> {
      AtomicReference<Runnable> ref = new AtomicReference<>();
      c.addCloseListener(closed -> {
        watched.remove(closed);
        Runnable pending = ref.getAndSet(null);
        if (pending != null) pending.run();
      });
      return ref;
    });
    slot.set(action);
    exchange.addExchangeCompleteListener((ex, next) -> {
      slot.compareAndSet(action, null);
      next.proceed();
    });
    if (!connection.isOpen()) {
      watched.remove(connection);
      Runnable pending = slot.getAndSet(null);
      if (pending != null) pending.run();
    }
  }

  /** Connections watched now (for tests and metrics). */
  int size() {
    return watched.size();
  }
}
