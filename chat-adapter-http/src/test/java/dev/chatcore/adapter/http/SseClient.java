package dev.chatcore.adapter.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client over a raw socket, for tests: sends one GET, reads the status and
 * headers, then decodes the chunked body into SSE messages (and comments) on a virtual thread.
 * {@link #notReading} makes one that never reads a byte after connecting (a stalled client).
 */
public final class SseClient implements AutoCloseable {
  /** One SSE message; a comment has only {@code comment}. */
  public record Message(String id, String event, String data, String comment) {
    public boolean isComment() {
      return comment != null;
    }
  }

  private static final Message END = new Message(null, null, null, null);

  private final Socket socket;
  private final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
  private final Map<String, String> headers = new ConcurrentHashMap<>();
  private volatile int status;
  private volatile String errorBody;
  private volatile boolean ended;

  private SseClient(Socket socket) {
    this.socket = socket;
  }

  /** Opens {@code path} with the given request headers and starts reading. */
  public static SseClient open(int port, String path, Map<String, String> requestHeaders)
      throws IOException {
    SseClient c = new SseClient(connect(port, path, requestHeaders, 0));
    Thread.ofVirtual().start(c::read);
    return c;
  }

  /** Opens {@code path} and never reads: the server's writes pile up in the socket buffers. */
  public static SseClient notReading(int port, String path, Map<String, String> requestHeaders)
      throws IOException {
    return new SseClient(connect(port, path, requestHeaders, 4096));
  }

  private static Socket connect(
      int port, String path, Map<String, String> requestHeaders, int receiveBuffer)
      throws IOException {
    Socket s = new Socket();
    if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    StringBuilder req =
        new StringBuilder(
            "GET "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + port
                + "\r\nAccept: text/event-stream\r\n");
    requestHeaders.forEach((k, v) -> req.append(k).append(": ").append(v).append("\r\n"));
    req.append("\r\n");
    OutputStream out = s.getOutputStream();
    out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
    out.flush();
    return s;
  }

  public int status(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (status == 0 && !ended && System.nanoTime() < deadline) Thread.sleep(2);
    return status;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The body of a non-200 answer. */
  public String errorBody() {
    return errorBody;
  }

  /** The next message or comment; null when none came within {@code wait} or the stream ended. */
  public Message next(Duration wait) throws InterruptedException {
    Message m = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    if (m == END) {
      messages.add(END);
      return null;
    }
    return m;
  }

  /** The next message that is not a comment. */
  public Message nextEvent(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) return null;
      Message m = next(Duration.ofNanos(left));
      if (m == null || !m.isComment()) return m;
    }
  }

  /** True once the server ended the response or closed the connection (within {@code wait}). */
  public boolean awaitEnd(Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!ended && System.nanoTime() < deadline) Thread.sleep(2);
    return ended;
  }

  private void read() {
    try (InputStream in = socket.getInputStream()) {
      int code = Integer.parseInt(line(in).split(" ")[1]);
      for (String h = line(in); !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        headers.put(
            h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
      }
      if (code != 200) {
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        errorBody = new String(in.readNBytes(length), StandardCharsets.UTF_8);
      }
      status = code; // after the headers and any error body: readers of status see them
      boolean chunked = "chunked".equalsIgnoreCase(headers.get("transfer-encoding"));
      if (code != 200) return;
      SseParser parser = new SseParser();
      if (!chunked) {
        byte[] buf = new byte[8192];
        for (int n; (n = in.read(buf)) > 0; ) parser.feed(buf, n);
        return;
      }
      while (true) {
        int size = Integer.parseInt(line(in).strip(), 16);
        if (size == 0) return;
        parser.feed(in.readNBytes(size), size);
        line(in);
      }
    } catch (IOException | RuntimeException e) {
      // the connection ended
    } finally {
      ended = true;
      messages.add(END);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int c; (c = in.read()) != '\n'; ) {
      if (c < 0) throw new IOException("end of stream");
      if (c != '\r') b.write(c);
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  /** The SSE line protocol: fields until a blank line. */
  private final class SseParser {
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private String id;
    private String event;
    private final List<String> data = new ArrayList<>();

    void feed(byte[] bytes, int n) {
      for (int i = 0; i < n; i++) {
        if (bytes[i] == '\n') {
          onLine(line.toString(StandardCharsets.UTF_8));
          line.reset();
        } else {
          line.write(bytes[i]);
        }
      }
    }

    private void onLine(String l) {
      if (l.isEmpty()) {
        if (!data.isEmpty() || event != null || id != null)
          messages.add(new Message(id, event, String.join("\n", data), null));
        id = null;
        event = null;
        data.clear();
      } else if (l.startsWith(":")) {
        messages.add(new Message(null, null, null, l.substring(1).strip()));
      } else {
        int colon = l.indexOf(':');
        String field = colon < 0 ? l : l.substring(0, colon);
        String value = colon < 0 ? "" : l.substring(colon + 1).stripLeading();
        switch (field) {
          case "id" -> id = value;
          case "event" -> event = value;
          case "data" -> data.add(value);
          default -> {}
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
