package dev.chatcore.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;

/**
 * A live stream read on a raw socket owned by one virtual thread ({@link SseReceiver}, {@link
 * WsReceiver}): it connects, sends the request that opens the stream, reads until the server ends
 * it (lifetime, a slow-consumer cut, a restart), then opens it again from where it got to. Decoding
 * by hand keeps the load generator cheap enough that it leaves the shared cores to the server.
 * Pausing stops reading the socket (a slow consumer).
 */
abstract class SocketReceiver extends Receiver {
  private final byte[] buf = new byte[16384];
  private volatile Socket socket;
  private int pos;
  private int limit;

  SocketReceiver(Run run, BenchUser user, String cursor) {
    super(run, user, cursor);
  }

  /** The request that opens the stream, from where the receiver got to. */
  abstract String request();

  /** The status of an opened stream (200, or 101 for an upgrade), and its route for errors. */
  abstract int openStatus();

  abstract String route();

  /** Right after the stream opened (a WebSocket's {@code resume} frame); nothing by default. */
  void opened() throws IOException {}

  /** Reads the stream until the server ends it; returns then, or throws when the socket broke. */
  abstract void read() throws IOException;

  @Override
  public final void run() {
    boolean first = true;
    try {
      while (!stop) {
        try {
          connectPermits.acquire();
          try {
            open();
          } finally {
            connectPermits.release();
          }
          if (!accepted()) return;
          opened();
          if (first) {
            started.countDown();
            first = false;
          } else {
            reopened++;
          }
          read();
        } catch (IOException e) {
          if (!stop && !paused) errors.transport(e);
        } finally {
          closeSocket();
        }
        if (!stop) LockSupport.parkNanos(50_000_000L); // the server ended it: resume shortly
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (first) started.countDown();
    }
  }

  private void open() throws IOException {
    Socket s = new Socket();
    s.setTcpNoDelay(true);
    s.connect(new InetSocketAddress(target.host(), target.port()), 10_000);
    socket = s;
    pos = limit = 0;
    write(request().getBytes(StandardCharsets.US_ASCII));
  }

  /** Reads the status and headers; false (and dead) when the server refused the stream. */
  private boolean accepted() throws IOException {
    String status = line();
    int code = status.length() >= 12 ? Integer.parseInt(status, 9, 12, 10) : -1;
    while (!line().isEmpty()) {
      // the headers of a known server: nothing to keep
    }
    if (code == openStatus()) return true;
    errors.status(route(), code, status);
    dead = true;
    stop = true;
    return false;
  }

  /** The {@code Host} header's value. */
  final String host() {
    return target.host() + ":" + target.port();
  }

  final void write(byte[] bytes) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(bytes);
    out.flush();
  }

  /** The next byte of the stream. */
  final int next() throws IOException {
    if (pos == limit) fill();
    return buf[pos++] & 0xFF;
  }

  /**
   * Hands up to {@code max} buffered bytes (at least one, reading the socket if none is buffered)
   * to {@code sink}; returns how many.
   */
  final int take(int max, Chunk sink) throws IOException {
    if (pos == limit) fill();
    int n = Math.min(max, limit - pos);
    sink.accept(buf, pos, n);
    pos += n;
    return n;
  }

  /** Buffered bytes, handed over in place. */
  @FunctionalInterface
  interface Chunk {
    void accept(byte[] bytes, int offset, int count);
  }

  /** One line (CRLF or LF), without its end. */
  final String line() throws IOException {
    StringBuilder b = new StringBuilder(64);
    while (true) {
      int c = next();
      if (c == '\n') {
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == '\r') b.setLength(n - 1);
        return b.toString();
      }
      b.append((char) c);
    }
  }

  private void fill() throws IOException {
    while (paused && !stop)
      LockSupport.parkNanos(100_000_000L); // a slow consumer: the socket is not read
    int r = socket.getInputStream().read(buf, 0, buf.length);
    if (r < 0) throw new EOFException("the server closed the stream");
    pos = 0;
    limit = r;
  }

  private void closeSocket() {
    Socket s = socket;
    if (s != null) {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  @Override
  final void stop() {
    stop = true;
    closeSocket();
  }
}
