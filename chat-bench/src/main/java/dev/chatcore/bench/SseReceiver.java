package dev.chatcore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Server-Sent Events receiver ({@code GET /v1/events?since=&filter=}): it decodes the chunked
 * body and the SSE lines itself, hands each {@code data:} line to the listener, and keeps the last
 * {@code id:}. When the server ends the stream it reconnects with {@code Last-Event-ID}, as an
 * EventSource does.
 */
final class SseReceiver extends SocketReceiver {
  private final LineBuffer line = new LineBuffer();
  private String lastId;

  SseReceiver(Run run, BenchUser user, String cursor) {
    super(run, user, cursor);
    this.lastId = cursor;
  }

  @Override
  String request() {
    return "GET /v1/events?since="
        + Api.enc(trail.getFirst())
        + "&filter="
        + Api.enc(roomId)
        + " HTTP/1.1\r\nHost: "
        + host()
        + "\r\nAccept: text/event-stream\r\nAuthorization: Bearer "
        + user.token()
        + "\r\nLast-Event-ID: "
        + lastId
        + "\r\n\r\n";
  }

  @Override
  int openStatus() {
    return 200;
  }

  @Override
  String route() {
    return "GET /v1/events";
  }

  /** Decodes chunks into SSE lines until the response or the connection ends. */
  @Override
  void read() throws IOException {
    while (!stop) {
      String size = line();
      int semi = size.indexOf(';');
      int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).strip(), 16);
      if (n == 0) return; // the server ended the response (its last message said why)
      while (n > 0) n -= take(n, this::scan);
      line(); // CRLF after the chunk
    }
  }

  /** Feeds body bytes to the SSE line scanner. */
  private void scan(byte[] bytes, int offset, int count) {
    int start = offset;
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      if (bytes[i] != '\n') continue;
      line.append(bytes, start, i - start);
      onLine();
      line.reset();
      start = i + 1;
    }
    line.append(bytes, start, end - start);
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
