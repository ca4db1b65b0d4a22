package dev.chatcore.adapter.http;

import dev.chatcore.application.stream.StreamSink;
import io.undertow.server.HttpServerExchange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import org.xnio.IoUtils;
import org.xnio.XnioIoThread;
import org.xnio.channels.StreamSinkChannel;

/**
 * The writes of one streamed HTTP response (Server-Sent Events), without blocking and without a
 * thread: any thread queues byte buffers, the exchange's IO thread writes them.
 *
 * <p><b>Coalescing.</b> A flush takes everything queued since the last one and writes it with one
 * gathering write, so under load many events leave in one system call (and, with chunked
 * encoding, one chunk); an idle stream still writes each event at once. Buffers are written as
 * they are, so an event's cached bytes are shared by every stream that sends them.
 *
 * <p><b>Backpressure.</b> When the socket takes no more, the rest waits and the channel's write
 * listener resumes the flush; each queued entry says how many events and bytes it carried, and
 * is reported {@linkplain StreamSink.Written written} once it left, so that the stream can end a
 * client that stopped reading (it counts what is queued here against its bound).
 *
 * <p>Thread-safe: {@link #enqueue} and {@link #finish} from any thread; everything that touches
 * the channel runs on its IO thread.
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
  private final ArrayDeque<Entry> queued = new ArrayDeque<>(); // guarded by lock
  private boolean scheduled; // a flush is on its way to the IO thread; guarded by lock
  private boolean finishing; // end the response once everything queued is written; guarded by lock
  private boolean closed; // guarded by lock
  private HttpServerExchange exchange; // set once by bind (IO thread), read under lock
  private XnioIoThread io;

  // IO thread only
  private StreamSinkChannel channel;
  private final ArrayDeque<Entry> writing = new ArrayDeque<>();
  private final ByteBuffer[] gather = new ByteBuffer[GATHER];

  /**
   * Starts writing the response: call on the exchange's IO thread, once its status and headers
   * are set. What was queued before goes out first.
   */
  public void bind(HttpServerExchange exchange) {
    StreamSinkChannel ch = exchange.getResponseChannel();
    synchronized (lock) {
      this.exchange = exchange;
      this.io = exchange.getIoThread();
      this.channel = ch;
      scheduled = true;
      if (closed) {
        IoUtils.safeClose(exchange.getConnection()); // aborted before the exchange was here
        return;
      }
    }
    flush(); // also sends the headers, so the client sees the stream open at once
  }

  /** Queues bytes that count against the stream's bound ({@code written} hears when they left). */
  public void enqueue(ByteBuffer[] buffers, int events, long bytes, StreamSink.Written written) {
    add(new Entry(buffers, events, bytes, written));
  }

  /** Queues bytes that do not count (keep-alives, the last frame). */
  public void enqueue(ByteBuffer buffer) {
    add(new Entry(new ByteBuffer[] {buffer}, 0, 0, UNCOUNTED));
  }

  /** Ends the response once everything queued is written. Idempotent. */
  public void finish() {
    XnioIoThread thread;
    synchronized (lock) {
      if (finishing || closed) return;
      finishing = true;
      thread = schedule();
    }
    if (thread != null) thread.execute(this::flush);
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
    XnioIoThread thread;
    synchronized (lock) {
      if (finishing || closed) return;
      queued.add(entry);
      thread = schedule();
    }
    if (thread != null) thread.execute(this::flush);
  }

  /** The IO thread to run a flush on, when one is not on its way already; null otherwise. */
  private XnioIoThread schedule() {
    if (io == null || scheduled) return null;
    scheduled = true;
    return io;
  }

  /** IO thread: writes what it can; the write listener calls it again when the socket drains. */
  private void flush() {
    boolean finish;
    synchronized (lock) {
      if (closed) return;
      writing.addAll(queued);
      queued.clear();
      scheduled = false;
      finish = finishing;
    }
    try {
      if (!writeAll()) {
        channel.getWriteSetter().set(c -> flushAgain());
        channel.resumeWrites();
        return;
      }
      channel.suspendWrites();
      if (finish && nothingQueued()) end();
    } catch (IOException e) {
      abort(); // the client is gone; the exchange's end tells the stream
    }
  }

  private void flushAgain() {
    synchronized (lock) {
      if (scheduled) return; // a flush is queued anyway
      scheduled = true;
    }
    flush();
  }

  private boolean nothingQueued() {
    synchronized (lock) {
      return queued.isEmpty();
    }
  }

  /** Writes every entry taken; false when the socket would block first. */
  private boolean writeAll() throws IOException {
    while (!writing.isEmpty()) {
      int n = 0;
      for (Entry e : writing) {
        for (ByteBuffer b : e.buffers()) {
          if (n == GATHER) break;
          if (b.hasRemaining()) gather[n++] = b;
        }
        if (n == GATHER) break;
      }
      long wrote = n == 0 ? 0 : channel.write(gather, 0, n);
      java.util.Arrays.fill(gather, 0, n, null);
      while (!writing.isEmpty() && writing.peekFirst().sent()) {
        Entry done = writing.pollFirst();
        if (done.events() > 0 || done.bytes() > 0) done.written().written(done.events(), done.bytes());
      }
      if (wrote == 0 && n > 0) return false;
    }
    return channel.flush();
  }

  private void end() throws IOException {
    channel.shutdownWrites();
    if (!channel.flush()) {
      channel.getWriteSetter().set(c -> {
        try {
          if (c.flush()) c.suspendWrites();
        } catch (IOException e) {
          IoUtils.safeClose(c);
        }
      });
      channel.resumeWrites();
    }
    synchronized (lock) {
      closed = true;
    }
  }
}
