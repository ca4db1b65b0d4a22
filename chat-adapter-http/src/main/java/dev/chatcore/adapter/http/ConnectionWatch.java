package dev.chatcore.adapter.http;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.server.AbstractServerConnection;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.ServerConnection;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSourceChannel;
import org.xnio.conduits.ConduitStreamSourceChannel;

/**
 * Notices when the client of a held request goes away, so its waiter is released at once instead of
 * at the timeout.
 *
 * <p>A closed TCP connection is only seen by reading from it, and Undertow stops reading while a
 * request is in progress. So while a request is held, this reads the connection itself: end of
 * stream closes the connection (which runs the close action); bytes (a pipelined request) are
 * handed back to Undertow as the connection's "extra bytes" and reading stops, exactly as
 * Undertow's own read listener would have left them. Everything here runs on the connection's IO
 * thread, and {@link HttpApi} completes held exchanges on that thread too, so Undertow's listener,
 * which it re-installs when the exchange completes, is never overwritten.
 *
 * <p>Undertow keeps close listeners for a connection's whole life, so one is registered per
 * connection and the action is swapped per held request.
 */
public final class ConnectionWatch {
  private final Map<ServerConnection, AtomicReference<Runnable>> watched =
      new ConcurrentHashMap<>();

  /** Call on the exchange's IO thread, before the held request can complete. */
  public void watch(HttpServerExchange exchange, Runnable onClose) {
    ServerConnection connection = exchange.getConnection();
    AtomicReference<Runnable> slot =
        watched.computeIfAbsent(
            connection,
            c -> {
              AtomicReference<Runnable> ref = new AtomicReference<>();
              c.addCloseListener(
                  closed -> {
                    watched.remove(closed);
                    Runnable pending = ref.getAndSet(null);
                    if (pending != null) pending.run();
                  });
              return ref;
            });
    slot.set(onClose);
    exchange.addExchangeCompleteListener(
        (ex, next) -> {
          slot.compareAndSet(onClose, null);
          next.proceed();
        });
    if (!connection.isOpen()) {
      watched.remove(connection);
      Runnable pending = slot.getAndSet(null);
      if (pending != null) pending.run();
      return;
    }
    if (connection instanceof AbstractServerConnection c
        && c.getExtraBytes() == null
        && !exchange.isComplete()) {
      ConduitStreamSourceChannel source = c.getChannel().getSourceChannel();
      source.getReadSetter().set(channel -> probe(c, channel));
      source.resumeReads();
    }
  }

  private static void probe(AbstractServerConnection connection, StreamSourceChannel channel) {
    PooledByteBuffer buffer = connection.getByteBufferPool().allocate();
    try {
      int read = channel.read(buffer.getBuffer());
      if (read < 0) {
        IoUtils.safeClose(connection);
      } else if (read > 0) {
        channel.suspendReads();
        channel.getReadSetter().set(null);
        buffer.getBuffer().flip();
        connection.setExtraBytes(buffer);
        buffer = null;
      }
    } catch (IOException e) {
      IoUtils.safeClose(connection);
    } finally {
      if (buffer != null) buffer.close();
    }
  }

  /** Connections watched now. */
  int size() {
    return watched.size();
  }
}
