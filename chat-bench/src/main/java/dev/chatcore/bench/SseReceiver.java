package dev.chatcore.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * A Server-Sent Events receiver over a raw socket ({@code GET /v1/events?since=&filter=}), owned by
 * one virtual thread: it decodes the chunked body and the SSE lines itself (cheap enough that the
 * load generator leaves the cores to the server), hands each {@code data:} line to the listener,
 * and keeps the last {@code id:}. When the server ends the stream (lifetime, a slow-consumer cut, a
 * restart) it reconnects with {@code Last-Event-ID}, as an EventSource does.
 */
final class SseReceiver extends Receiver {
  private final byte[] buf = new byte[16384];
  private final LineBuffer line = new LineBuffer();
  private volatile Socket socket;
  private String lastId;
  private int pos;
  private int limit;

  SseReceiver(Run run, BenchUser user, String cursor) {
    super(run, user, cursor);
    this.lastId = cursor;
  }

  @Override
  public void run() {
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
          if (!headers()) return;
          if (first) {
            started.countDown();
            first = false;
          } else {
            reopened++;
          }
          readEvents();
        } catch (IOException e) {
          if (!stop && !paused) errors.transport(e);
        } finally {
          closeSocket();
        }
        if (!stop)
          LockSupport.parkNanos(50_000_000L); // the server ended the stream: resume shortly
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
    String request =
        "GET /v1/events?since="
            + Api.enc(trail.getFirst())
            + "&filter="
            + Api.enc(roomId)
            + " HTTP/1.1\r\n"
            + "Host: "
            + target.host()
            + ":"
            + target.port()
            + "\r\nAccept: text/event-stream\r\n"
            + "Authorization: Bearer "
            + user.token()
            + "\r\nLast-Event-ID: "
            + lastId
            + "\r\n\r\n";
    OutputStream out = s.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads the status and headers; false (and dead) when the server refused the stream. */
  private boolean headers() throws IOException {
    String status = headerLine();
    int code = status.length() >= 12 ? Integer.parseInt(status, 9, 12, 10) : -1;
    while (!headerLine().isEmpty()) {
      // Content-Type and Transfer-Encoding: chunked are what the server sends; nothing to keep
    }
    if (code == 200) return true;
    errors.status("GET /v1/events", code, status);
    dead = true;
    stop = true;
    return false;
  }

  /** Decodes chunks into SSE lines until the response or the connection ends. */
  private void readEvents() throws IOException {
    while (!stop) {
      String size = headerLine();
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
      if (n == 0) return; // the server ended the response (its last message said why)
      while (n > 0) {
        if (pos == limit) fill();
        int take = Math.min(n, limit - pos);
        scan(take);
        n -= take;
      }
      headerLine(); // CRLF after the chunk
    }
  }

  /** Feeds {@code count} body bytes at {@code pos} to the SSE line scanner. */
  private void scan(int count) {
    int end = pos + count;
    for (int i = pos; i < end; i++) {
      if (buf[i] != '\n') continue;
      line.append(buf, pos, i - pos);
      onLine();
      line.reset();
      pos = i + 1;
    }
    line.append(buf, pos, end - pos);
    pos = end;
  }

  private void onLine() {
    if (line.startsWith("data: ")) {
      long now = System.nanoTime();
      errors.responses.incrementAndGet();
      listener.onResponse(this, line.text(6), now);
    } else if (line.startsWith("id: ")) {
      lastId = line.text(4);
      moved(lastId);
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

  private String headerLine() throws IOException {
    StringBuilder b = new StringBuilder(64);
    while (true) {
      if (pos == limit) fill();
      byte c = buf[pos++];
      if (c == '\n') {
        int n = b.length();
        if (n > 0 && b.charAt(n - 1) == '\r') b.setLength(n - 1);
        return b.toString();
      }
      b.append((char) (c & 0xff));
    }
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
  void stop() {
    stop = true;
    closeSocket();
  }

  /** A growable line of bytes. */
  private static final class LineBuffer {
    private byte[] bytes = new byte[512];
    private int length;

    void append(byte[] from, int offset, int count) {
      if (length + count > bytes.length)
        bytes = Arrays.copyOf(bytes, Math.max(length + count, bytes.length * 2));
      System.arraycopy(from, offset, bytes, length, count);
      length += count;
    }

    void reset() {
      length = 0;
    }

    boolean startsWith(String prefix) {
      if (length < prefix.length()) return false;
      for (int i = 0; i < prefix.length(); i++) if (bytes[i] != prefix.charAt(i)) return false;
      return true;
    }

    String text(int from) {
      return new String(bytes, from, length - from, StandardCharsets.ISO_8859_1);
    }
  }
}
