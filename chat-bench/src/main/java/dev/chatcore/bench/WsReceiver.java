package dev.chatcore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket receiver ({@code GET /v1/ws}): it does the opening handshake, sends {@code
 * {"type":"resume","since","filter"}}, decodes the server's frames itself (unmasked, RFC 6455),
 * answers pings, hands every {@code events} frame to the listener and keeps its {@code next_batch},
 * from which it resumes when the server closes. (The JDK's WebSocket client cost the load generator
 * twice the CPU per delivery of the SSE receiver, which on shared cores delayed the server.)
 */
final class WsReceiver extends SocketReceiver {
  private static final int TEXT = 0x1;
  private static final int CONTINUATION = 0x0;
  private static final int CLOSE = 0x8;
  private static final int PING = 0x9;
  private static final int PONG = 0xA;

  private byte[] message = new byte[4096];
  private int messageLength;
  private String cursor;

  WsReceiver(Run run, BenchUser user, String cursor) {
    super(run, user, cursor);
    this.cursor = cursor;
  }

  @Override
  String request() {
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    return "GET /v1/ws HTTP/1.1\r\nHost: "
        + host()
        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Key: "
        + Base64.getEncoder().encodeToString(key)
        + "\r\nAuthorization: Bearer "
        + user.token()
        + "\r\n\r\n";
  }

  @Override
  int openStatus() {
    return 101;
  }

  @Override
  String route() {
    return "GET /v1/ws";
  }

  @Override
  void opened() throws IOException {
    send(
        TEXT,
        ("{\"type\":\"resume\",\"since\":\"" + cursor + "\",\"filter\":[\"" + roomId + "\"]}")
            .getBytes(StandardCharsets.UTF_8));
  }

  /** Decodes frames until the server closes or the bench stops. */
  @Override
  void read() throws IOException {
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
    while (count > 0) count -= take(count, this::collect);
  }

  private void collect(byte[] bytes, int offset, int count) {
    System.arraycopy(bytes, offset, message, messageLength, count);
    messageLength += count;
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
    write(frame);
  }
}
