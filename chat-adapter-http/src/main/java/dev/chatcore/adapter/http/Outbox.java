package dev.chatcore.adapter.http;

import dev.chatcore.application.stream.StreamSink;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * The writes of one streamed HTTP response (Server-Sent Events), without blocking and without a
 * thread of its own.
 *
 * <p><b>Who writes.</b> One thread at a time holds the writer role. The thread that queues bytes
 * while nobody writes takes the role and writes them itself, at once (the stream's own reader
 * thread, typically): a delivery then costs one non-blocking write, not a hand-off to the IO thread
 * and a wake-up of its selector. When the socket takes no more, the role passes to the channel's
 * write listener on the IO thread, which writes the rest as the client drains it; bytes queued
 * meanwhile wait for it. Undertow allows a response channel to be written from any thread as long
 * as one thread writes at a time (its async sender does the same).
 *
 * <p><b>Coalescing.</b> A writer takes everything queued and writes it with one gathering write, so
 * whatever piled up while the socket was busy leaves in one system call (and one chunk). Buffers
 * are written as they are, so an event's cached bytes are shared by every stream.
 *
 * <p><b>Backpressure.</b> Each queued entry says how many events and bytes it carries and is
 * reported {@linkplain StreamSink.Written written} once it left, so the stream can end a client
 * that stopped reading: it counts what waits here against its bound.
 *
 * <p>Thread-safe.
 */
public final class Outbox {
  /** The most buffers one gathering write takes. */
  private static final int GATHER = 64;

  private static final StreamSink.Written UNCOUNTED = (events, bytes) -> {};

  private record Entry(ByteBuffer[] buffers, int events, long bytes, StreamSink.Written written) {
    boolean sent() {
      return !buffers[buffers.length - 1].hasRemaining();
    }
  }

  private final Object lock = new Object();
  // small deques and a lazy gather array: an idle stream keeps only these few objects
  private final ArrayDeque<Entry> queued = new ArrayDeque<>(2); // guarded by lock
  private boolean
      writer; // some thread (or the write listener) holds the writer role; guarded by lock
  private boolean finishing; // end the response once everything queued is written; guarded by lock
  private boolean closed; // guarded by lock
  private HttpServerExchange exchange; // guarded by lock
  private StreamSinkChannel channel; // set under lock; used by the writer only

  // the writer's own
  private final ArrayDeque<Entry> writing = new ArrayDeque<>(2);
  private boolean unflushed;

  /**
   * Starts the response: call on the exchange's IO thread, once its status and headers are set. The
   * headers go out at once (the client sees the stream open), then what was queued before.
   */
  public void bind(HttpServerExchange exchange) {
    synchronized (lock) {
      this.exchange = exchange;
      if (closed) {
        IoUtils.safeClose(exchange.getConnection()); // aborted before the exchange was here
        return;
      }
      this.channel = exchange.getResponseChannel();
      writer = true;
      unflushed = true;
    }
    writeOut();
  }

  /** Queues bytes that count against the stream's bound ({@code written} hears when they left). */
  public void enqueue(ByteBuffer[] buffers, int events, long bytes, StreamSink.Written written) {
    add(new Entry(buffers, events, bytes, written));
  }

  /** Queues bytes that do not count (keep-alives, the last message). */
  public void enqueue(ByteBuffer buffer) {
    add(new Entry(new ByteBuffer[] {buffer}, 0, 0, UNCOUNTED));
  }

  /** Ends the response once everything queued is written. Idempotent. */
  public void finish() {
    synchronized (lock) {
      if (finishing || closed) return;
      finishing = true;
      if (!takeRole()) return;
    }
    writeOut();
  }

  /** Drops the connection now: its client stopped reading, or went away. Idempotent. */
  public void abort() {
    HttpServerExchange ex;
    synchronized (lock) {
      if (closed) return;
      closed = true;
      queued.clear();
      ex = exchange;
    }
    if (ex != null) ex.getIoThread().execute(() -> IoUtils.safeClose(ex.getConnection()));
  }

  private void add(Entry entry) {
    synchronized (lock) {
      if (finishing || closed) return;
      queued.add(entry);
      if (!takeRole()) return;
    }
    writeOut();
  }

  /**
   * Under the lock: true when the caller now holds the writer role (a channel, and nobody writing).
   */
  private boolean takeRole() {
    if (channel == null || writer) return false;
    writer = true;
    return true;
  }

  /**
   * The writer: writes what is queued until nothing is left (then gives the role up), the socket is
   * full (then the write listener takes the role over), or the response ends.
   */
  private void writeOut() {
    try {
      while (true) {
        boolean finish;
        synchronized (lock) {
          if (closed) {
            writer = false;
            return;
          }
          writing.addAll(queued);
          queued.clear();
          finish = finishing;
          if (writing.isEmpty() && !finish && !unflushed) {
            writer = false;
            return;
          }
        }
        if (!writeAll()) {
          channel
              .getWriteSetter()
              .set(
                  c -> {
                    c.suspendWrites();
                    writeOut();
                  });
          channel.resumeWrites(); // the role stays taken: the listener continues
          return;
        }
        if (finish && nothingQueued()) {
          end();
          return;
        }
      }
    } catch (IOException e) {
      abort(); // the client is gone; the exchange's end tells the stream
    }
  }

  private boolean nothingQueued() {
    synchronized (lock) {
      return queued.isEmpty();
    }
  }

  /** Writes every entry taken, then flushes; false when the socket would block first. */
  private boolean writeAll() throws IOException {
    while (!writing.isEmpty()) {
      long wrote;
      int n;
      Entry only =
          writing.size() == 1 && writing.peekFirst().buffers().length == 1
              ? writing.peekFirst()
              : null;
      if (only != null) { // one event, one buffer: the common case of a stream that keeps up
        n = only.buffers()[0].hasRemaining() ? 1 : 0;
        wrote = n == 0 ? 0 : channel.write(only.buffers()[0]);
      } else {
        // a gather array only while writing more: an idle stream does not keep one
        ByteBuffer[] gather = new ByteBuffer[Math.min(GATHER, buffersIn(writing))];
        n = 0;
        for (Entry e : writing) {
          for (ByteBuffer b : e.buffers()) {
            if (n == gather.length) break;
            if (b.hasRemaining()) gather[n++] = b;
          }
          if (n == gather.length) break;
        }
        wrote = n == 0 ? 0 : channel.write(gather, 0, n);
      }
      unflushed = true;
      while (!writing.isEmpty() && writing.peekFirst().sent()) {
        Entry done = writing.pollFirst();
        if (done.events() > 0 || done.bytes() > 0)
          done.written().written(done.events(), done.bytes());
      }
      if (wrote == 0 && n > 0) return false;
    }
    if (!channel.flush()) return false;
    unflushed = false;
    return true;
  }

  private static int buffersIn(ArrayDeque<Entry> entries) {
    int n = 0;
    for (Entry e : entries) n += e.buffers().length;
    return Math.max(n, 1);
  }

  /** Ends the response (its last chunk); keeps the writer role, as nothing follows. */
  private void end() throws IOException {
    synchronized (lock) {
      closed = true;
    }
    channel.shutdownWrites();
    if (!channel.flush()) {
      channel
          .getWriteSetter()
          .set(
              c -> {
                try {
                  if (c.flush()) c.suspendWrites();
                } catch (IOException e) {
                  IoUtils.safeClose(c);
                }
              });
      channel.resumeWrites();
    }
  }
}
