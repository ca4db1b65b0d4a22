package dev.chatcore.bench;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * A WebSocket receiver ({@code GET /v1/ws}) over a raw socket, owned by one virtual thread, like
 * {@link SseReceiver}: it does the opening handshake, sends {@code
 * {"type":"resume","since","filter"}}, decodes the server's frames itself (unmasked, RFC 6455),
 * answers pings, hands every {@code events} frame to the listener and keeps its {@code next_batch}.
 * When the server closes (lifetime, a slow-consumer cut, a restart) it connects again and resumes
 * from that cursor. Pausing stops reading the socket (a slow consumer). Decoding by hand keeps the
 * load generator about as cheap per delivery as the SSE one, so the two transports compete with the
 * same client load on the shared cores (the JDK's WebSocket client cost twice as much CPU).
 */
final class WsReceiver extends Receiver {
  private static final int TEXT = 0x1;
  private static final int CONTINUATION = 0x0;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;

  private final byte[] buf = new byte[16384];
  private byte[] message = new byte[4096];
  private int messageLength;
  private volatile Socket socket;
  private String cursor;
  private int pos;
  private int limit;

  WsReceiver(Run run, BenchUser user, String cursor) {
    super(run, user, cursor);
    this.cursor = cursor;
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
          if (!upgraded()) return;
          send(
              TEXT,
              ("{\"type\":\"resume\",\"since\":\"" + cursor + "\",\"filter\":[\"" + roomId + "\"]}")
                  .getBytes(StandardCharsets.UTF_8));
          if (first) {
            started.countDown();
            first = false;
          } else {
            reopened++;
          }
          readFrames();
        } catch (IOException e) {
          if (!stop && !paused) errors.transport(e);
        } finally {
          closeSocket();
        }
        if (!stop) LockSupport.parkNanos(50_000_000L); // the server closed: resume shortly
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
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    String request =
        "GET /v1/ws HTTP/1.1\r\nHost: "
            + target.host()
            + ":"
            + target.port()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(key)
            + "\r\nAuthorization: Bearer "
            + user.token()
            + "\r\n\r\n";
    OutputStream out = s.getOutputStream();
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Reads the handshake's answer; false (and dead) when the server refused the upgrade. */
  private boolean upgraded() throws IOException {
    String status = headerLine();
    int code = status.length() >= 12 ? Integer.parseInt(status, 9, 12, 10) : -1;
    while (!headerLine().isEmpty()) {
      // Upgrade, Connection and Sec-WebSocket-Accept: the server is a known one, nothing to check
    }
    if (code == 101) return true;
    errors.status("GET /v1/ws", code, status);
    dead = true;
    stop = true;
    return false;
  }

  /** Decodes frames until the server closes or the bench stops. */
  private void readFrames() throws IOException {
    while (!stop) {
      int b0 = next();
      int b1 = next();
      int opcode = b0 & 0x0F;
      long length = b1 & 0x7F;
      if (length == 126) {
        length = (next() << 8) | next();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) length = (length << 8) | next();
      }
      if ((b1 & 0x80) != 0) throw new IOException("the server masked a frame");
      if (opcode == CLOSE) return;
      if (opcode == PING || opcode == PONG) {
        byte[] payload = new byte[(int) length];
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) next();
        if (opcode == PING) send(PONG, payload);
        continue;
      }
      if (opcode != TEXT && opcode != CONTINUATION)
        throw new IOException("unexpected frame opcode " + opcode);
      append((int) length);
      if ((b0 & 0x80) != 0) {
        onMessage(new String(message, 0, messageLength, StandardCharsets.UTF_8));
        messageLength = 0;
      }
    }
  }

  private void onMessage(String frame) {
    long now = System.nanoTime();
    if (frame.startsWith("{\"type\":\"events\"")) {
      errors.responses.incrementAndGet();
      String next = Wire.nextBatch(frame);
      if (next != null) {
        cursor = next;
        moved(next);
      }
      listener.onResponse(this, frame, now);
    } else if (frame.contains("\"type\":\"error\"")) {
      errors.malformed("/v1/ws error frame: " + frame);
    }
  }

  /** Appends {@code count} payload bytes to the message being read. */
  private void append(int count) throws IOException {
    if (messageLength + count > message.length)
      message = Arrays.copyOf(message, Math.max(messageLength + count, message.length * 2));
    while (count > 0) {
      if (pos == limit) fill();
      int take = Math.min(count, limit - pos);
      System.arraycopy(buf, pos, message, messageLength, take);
      messageLength += take;
      pos += take;
      count -= take;
    }
  }

  /** A client frame: always masked (RFC 6455 5.3); short payloads only (resume, pong). */
  private void send(int opcode, byte[] payload) throws IOException {
    if (payload.length > 0xFFFF) throw new IOException("frame too long for this client");
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    int header = payload.length < 126 ? 2 : 4;
    byte[] frame = new byte[header + 4 + payload.length];
    frame[0] = (byte) (0x80 | opcode);
    if (payload.length < 126) {
      frame[1] = (byte) (0x80 | payload.length);
    } else {
      frame[1] = (byte) (0x80 | 126);
      frame[2] = (byte) (payload.length >>> 8);
      frame[3] = (byte) payload.length;
    }
    System.arraycopy(mask, 0, frame, header, 4);
    for (int i = 0; i < payload.length; i++)
      frame[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
    OutputStream out = socket.getOutputStream();
    out.write(frame);
    out.flush();
  }

  private int next() throws IOException {
    if (pos == limit) fill();
    return buf[pos++] & 0xFF;
  }

  private void fill() throws IOException {
    while (paused && !stop)
      LockSupport.parkNanos(100_000_000L); // a slow consumer: the socket is not read
    int r = socket.getInputStream().read(buf, 0, buf.length);
    if (r < 0) throw new EOFException("the server closed the connection");
    pos = 0;
    limit = r;
  }

  private String headerLine() throws IOException {
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
}
